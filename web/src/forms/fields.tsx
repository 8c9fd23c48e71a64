import { Button, Fieldset, Group, NativeSelect, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useFormat } from '../i18n/format';
import { useT } from '../i18n/use-t';
import { useVocabulary, vocabularies, type VocabularyGroup } from '../components/vocabulary';
import type { LocalisedRow } from './form-values';
import { textLanguages, withRecorded } from './languages';
import { fieldId, type RecordForm } from './use-record-form';

/** The first letter in upper case, as a choice in a list reads (vocabulary labels are lower case). */
export function capitalise(text: string, locale?: string): string {
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}

interface FieldProps<V extends object> {
  form: RecordForm<V>;
  /** The field's path in the form, as the server names it without `body.`: `signedOn`, `partners.0.budget`. */
  path: string;
  label: string;
  required?: boolean;
}

/** A partial date: a year, a month or a day, as the registry records them. */
export function PartialDateInput<V extends object>({
  form,
  path,
  label,
  required,
  value,
  onChange,
}: FieldProps<V> & { value: string; onChange: (value: string) => void }) {
  const t = useT();
  return (
    <TextInput
      {...form.field(path)}
      label={label}
      required={required}
      description={t('form.format.date')}
      placeholder={t('form.placeholder.date')}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      inputMode="numeric"
      autoComplete="off"
      w="14rem"
    />
  );
}

/** A choice among the values of one of the registry's vocabularies, named in the reader's language. */
export function VocabularySelect<V extends object>({
  form,
  path,
  label,
  required,
  group,
  value,
  onChange,
  withEmpty = false,
}: FieldProps<V> & {
  group: VocabularyGroup;
  value: string;
  onChange: (value: string) => void;
  /** Offer "choose" first, for a field that has no sensible default. */
  withEmpty?: boolean;
}) {
  const t = useT();
  const vocabulary = useVocabulary();
  const options = vocabularies[group].map((item) => ({
    value: item,
    label: capitalise(vocabulary[group](item)),
  }));
  return (
    <NativeSelect
      {...form.field(path)}
      label={label}
      required={required}
      value={value}
      data={withEmpty ? [{ value: '', label: t('form.choose') }, ...options] : options}
      onChange={(event) => onChange(event.currentTarget.value)}
    />
  );
}

/** An ISO country code, with the country's name shown as the reader types it. */
export function CountryInput<V extends object>({
  form,
  path,
  label,
  required,
  value,
  onChange,
}: FieldProps<V> & { value: string; onChange: (value: string) => void }) {
  const t = useT();
  const format = useFormat();
  const code = value.trim().toUpperCase();
  const name = /^[A-Z]{2}$/.test(code) ? format.country(code) : undefined;
  return (
    <TextInput
      {...form.field(path)}
      label={label}
      required={required}
      description={name && name !== code ? name : t('form.format.country')}
      value={value}
      maxLength={2}
      autoComplete="off"
      onChange={(event) => onChange(event.currentTarget.value.toUpperCase())}
      w="14rem"
    />
  );
}

/** A text field with a hint about its form, for codes, amounts and addresses. */
export function HintedInput<V extends object>({
  form,
  path,
  label,
  required,
  value,
  onChange,
  description,
  inputMode,
  type,
  width,
  lang,
}: FieldProps<V> & {
  value: string;
  onChange: (value: string) => void;
  description?: string;
  inputMode?: 'decimal' | 'numeric' | 'url' | 'text';
  type?: 'text' | 'url';
  width?: string;
  lang?: string;
}) {
  return (
    <TextInput
      {...form.field(path)}
      label={label}
      required={required}
      description={description}
      value={value}
      inputMode={inputMode}
      type={type}
      lang={lang}
      autoComplete="off"
      onChange={(event) => onChange(event.currentTarget.value)}
      w={width}
    />
  );
}

/**
 * A translatable text: one row per language (a language choice and the text), with buttons to add and
 * remove languages. Errors of the whole text (`title`) show under the group, errors of one language
 * (`description.hr`) beside its row.
 */
export function LocalisedTextInput<V extends object>({
  form,
  path,
  label,
  required,
  rows,
  onChange,
  multiline = false,
  description,
}: FieldProps<V> & {
  rows: LocalisedRow[];
  onChange: (rows: LocalisedRow[]) => void;
  multiline?: boolean;
  description?: string;
}) {
  const t = useT();
  const format = useFormat();
  const offered = withRecorded(
    textLanguages,
    rows.map((row) => row.language),
  );
  const groupError = form.errorOf(path);
  const groupId = fieldId(path);
  const errorId = `${groupId}-error`;
  const descriptionId = `${groupId}-description`;
  const update = (index: number, change: Partial<LocalisedRow>) =>
    onChange(rows.map((row, at) => (at === index ? { ...row, ...change } : row)));
  const add = () => {
    const free = offered.find((language) => !rows.some((row) => row.language === language)) ?? '';
    onChange([...rows, { language: free, text: '' }]);
  };
  return (
    <Fieldset
      id={groupId}
      tabIndex={-1}
      legend={
        <>
          {label}
          {required && (
            <Text component="span" c="red.9" aria-hidden>
              {' *'}
            </Text>
          )}
        </>
      }
      aria-describedby={
        [description ? descriptionId : '', groupError ? errorId : ''].join(' ').trim() || undefined
      }
    >
      <Stack gap="sm">
        {description && (
          <Text id={descriptionId} size="sm" c="dimmed">
            {description}
          </Text>
        )}
        {rows.map((row, index) => {
          const languageName = row.language ? format.language(row.language) : t('form.language');
          const textLabel = `${label} (${languageName})`;
          const textProps = {
            ...form.field(`${path}.${row.language}`),
            label: textLabel,
            value: row.text,
            lang: row.language || undefined,
            required: required && index === 0,
            onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
              update(index, { text: event.currentTarget.value }),
            style: { flex: '1 1 20rem' },
          };
          return (
            <Group key={index} align="flex-start" gap="sm" wrap="wrap">
              <NativeSelect
                label={
                  <>
                    {t('form.language')}
                    <span className="visually-hidden">{` (${label})`}</span>
                  </>
                }
                value={row.language}
                w="15rem"
                data={offered
                  .filter(
                    (language) =>
                      language === row.language || !rows.some((other) => other.language === language),
                  )
                  .map((language) => ({
                    value: language,
                    label: `${format.language(language)} (${language})`,
                  }))}
                onChange={(event) => update(index, { language: event.currentTarget.value })}
              />
              {multiline ? (
                <Textarea {...textProps} autosize minRows={2} maxRows={12} />
              ) : (
                <TextInput {...textProps} />
              )}
              <Button
                variant="subtle"
                color="red"
                mt={25}
                aria-label={t('form.removeLanguage', { language: languageName })}
                onClick={() => onChange(rows.filter((_, at) => at !== index))}
              >
                {t('form.remove')}
              </Button>
            </Group>
          );
        })}
        <Group>
          <Button variant="light" size="xs" onClick={add} aria-label={t('form.addLanguageTo', { label })}>
            {t('form.addLanguage')}
          </Button>
        </Group>
        {groupError && (
          <Text id={errorId} size="sm" c="red.9">
            {groupError}
          </Text>
        )}
      </Stack>
    </Fieldset>
  );
}
