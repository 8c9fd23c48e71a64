import { MultiSelect } from '@mantine/core';
import { useThemesByCode } from '../api/themes';
import { useVocabulary, vocabularies } from '../components/vocabulary';
import { useLocale } from '../i18n/locale-provider';
import { useT } from '../i18n/use-t';
import { capitalise } from './fields';

interface ThemePickerProps {
  id: string;
  label: string;
  value: string[];
  onChange: (codes: string[]) => void;
  error?: string | undefined;
  description?: string;
}

/**
 * Chooses themes of the taxonomy by their labels in the reader's language, grouped by taxonomy; the
 * codes keep the order they were chosen in (a programme's areas are ordered).
 */
export function ThemePicker({ id, label, value, onChange, error, description }: ThemePickerProps) {
  const t = useT();
  const vocabulary = useVocabulary();
  const { apiLanguage } = useLocale();
  const themes = [...useThemesByCode(apiLanguage).values()];
  const known = new Set(themes.map((theme) => theme.code));
  const data = [
    ...vocabularies.themeTaxonomy
      .map((taxonomy) => ({
        group: capitalise(vocabulary.themeTaxonomy(taxonomy)),
        items: themes
          .filter((theme) => theme.taxonomy === taxonomy)
          .map((theme) => ({ value: theme.code, label: theme.label })),
      }))
      .filter((group) => group.items.length > 0),
    // Codes the record carries that the list has not (yet) loaded still show as chosen.
    ...value.filter((code) => !known.has(code)).map((code) => ({ value: code, label: code })),
  ];
  return (
    <MultiSelect
      id={id}
      label={label}
      description={description ?? t('form.themesHint')}
      error={error}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      clearable
      clearButtonProps={{ 'aria-label': t('form.picker.clear', { label }) }}
      nothingFoundMessage={t('form.picker.noTheme')}
      hidePickedOptions
    />
  );
}
