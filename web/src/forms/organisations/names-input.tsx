import { Button, Fieldset, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useVocabulary, vocabularies } from '../../components/vocabulary';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { capitalise } from '../fields';
import { nameLanguages, scripts, withRecorded } from '../languages';
import { fieldId, type RecordForm } from '../use-record-form';
import { emptyNameRow, type NameRow, type OrganisationValues } from './organisation-values';

/**
 * Every name of an organisation, one row each: the name, its language, script and kind, with buttons to
 * add and remove rows. Each row is a group named after its number and name, so its fields read clearly.
 */
export function NamesInput({
  form,
  rows,
  onChange,
  language,
}: {
  form: RecordForm<OrganisationValues>;
  rows: NameRow[];
  onChange: (rows: NameRow[]) => void;
  /** The language of a new row. */
  language: string;
}) {
  const t = useT();
  const format = useFormat();
  const vocabulary = useVocabulary();
  const languages = withRecorded(
    nameLanguages,
    rows.map((row) => row.language),
  );
  const scriptOptions = withRecorded(
    scripts,
    rows.map((row) => row.script),
  );
  const update = (index: number, change: Partial<NameRow>) =>
    onChange(rows.map((row, at) => (at === index ? { ...row, ...change } : row)));
  const groupError = form.errorOf('names');
  return (
    <Fieldset
      id={fieldId('names')}
      tabIndex={-1}
      legend={
        <>
          {t('organisation.names')}
          <Text component="span" c="red.9" aria-hidden>
            {' *'}
          </Text>
        </>
      }
      aria-describedby={groupError ? `${fieldId('names')}-error` : undefined}
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('form.organisation.namesHint')}
        </Text>
        {rows.map((row, index) => {
          const rowLabel = t('form.organisation.nameRow', { number: index + 1 });
          const path = `names.${index}`;
          return (
            <Group
              key={index}
              role="group"
              aria-label={row.name ? `${rowLabel}: ${row.name}` : rowLabel}
              align="flex-start"
              gap="sm"
              wrap="wrap"
            >
              <TextInput
                {...form.field(`${path}.name`)}
                label={t('organisation.name')}
                required
                lang={row.script ? `${row.language}-${row.script}` : row.language}
                value={row.name}
                onChange={(event) => update(index, { name: event.currentTarget.value })}
                style={{ flex: '1 1 12rem' }}
              />
              <NativeSelect
                {...form.field(`${path}.language`)}
                label={t('organisation.language')}
                value={row.language}
                data={languages.map((code) => ({ value: code, label: `${format.language(code)} (${code})` }))}
                onChange={(event) => update(index, { language: event.currentTarget.value })}
                w="11rem"
              />
              <NativeSelect
                {...form.field(`${path}.script`)}
                label={t('organisation.script')}
                value={row.script}
                data={[
                  { value: '', label: t('form.organisation.detectScript') },
                  ...scriptOptions.map((code) => ({ value: code, label: format.script(code) })),
                ]}
                onChange={(event) => update(index, { script: event.currentTarget.value })}
                w="10rem"
              />
              <NativeSelect
                {...form.field(`${path}.kind`)}
                label={t('organisation.nameKind')}
                value={row.kind}
                data={vocabularies.nameKind.map((kind) => ({
                  value: kind,
                  label: capitalise(vocabulary.nameKind(kind)),
                }))}
                onChange={(event) => update(index, { kind: event.currentTarget.value })}
                w="10rem"
              />
              <Button
                variant="subtle"
                color="red"
                mt={25}
                aria-label={t('form.removeRow', { row: row.name || rowLabel })}
                onClick={() => onChange(rows.filter((_, at) => at !== index))}
              >
                {t('form.remove')}
              </Button>
            </Group>
          );
        })}
        <Group>
          <Button variant="light" size="xs" onClick={() => onChange([...rows, emptyNameRow(language)])}>
            {t('form.organisation.addName')}
          </Button>
        </Group>
        {groupError && (
          <Text id={`${fieldId('names')}-error`} size="sm" c="red.9">
            {groupError}
          </Text>
        )}
      </Stack>
    </Fieldset>
  );
}
