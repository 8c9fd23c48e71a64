import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState, type ReactNode } from 'react';
import { useThemesByCode } from '../api/themes';
import { useLocale } from '../i18n/locale-provider';
import { useT } from '../i18n/use-t';

/** The filters of a list, as one labelled group of fields. */
export function FilterBar({ children, onClear }: { children: ReactNode; onClear: () => void }) {
  const t = useT();
  return (
    <form role="search" aria-label={t('list.filters')} onSubmit={(event) => event.preventDefault()}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        {children}
        <Button variant="subtle" onClick={onClear}>
          {t('list.clear')}
        </Button>
      </Group>
    </form>
  );
}

/** A text filter that applies when typing pauses, so the address is not rewritten per letter. */
export function TextFilter({
  label,
  value,
  onChange,
  width = '14rem',
  maxLength,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  width?: string;
  maxLength?: number;
}) {
  const [text, setText] = useState(value);
  const [debounced] = useDebouncedValue(text.trim(), 300);
  const [shownValue, setShownValue] = useState(value);
  if (shownValue !== value) {
    setShownValue(value);
    if (value !== text.trim()) setText(value);
  }
  const isSettled = debounced === text.trim();
  useEffect(() => {
    if (isSettled && debounced !== value) onChange(debounced);
  }, [isSettled, debounced, value, onChange]);
  return (
    <TextInput
      label={label}
      value={text}
      maxLength={maxLength}
      onChange={(event) => setText(event.currentTarget.value)}
      w={width}
    />
  );
}

/** A choice among values, with "any" first. */
export function SelectFilter({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
}) {
  const t = useT();
  return (
    <NativeSelect
      label={label}
      value={value}
      data={[{ value: '', label: t('list.any') }, ...options]}
      onChange={(event) => onChange(event.currentTarget.value)}
    />
  );
}

/** A choice among the themes, labelled in the reader's language. */
export function ThemeFilter({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const t = useT();
  const { apiLanguage } = useLocale();
  const themes = useThemesByCode(apiLanguage);
  return (
    <SelectFilter
      label={t('common.theme')}
      value={value}
      onChange={onChange}
      options={[...themes.values()].map((theme) => ({ value: theme.code, label: theme.label }))}
    />
  );
}
