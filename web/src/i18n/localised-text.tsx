import { Text, type TextProps } from '@mantine/core';
import { chooseText, type TextByLanguage } from './choose-text';
import { useFormat } from './format';
import { useLocale } from './locale-provider';
import { useT } from './use-t';

interface LocalisedTextProps extends TextProps {
  /** Text per language tag, as the API sends it. */
  texts: TextByLanguage | null | undefined;
  /** The element to render; `p` by default, `span` inside a line. */
  component?: 'p' | 'span' | 'div';
  /** Shown when there is no text in any language. */
  empty?: React.ReactNode;
}

/**
 * Shows a translatable text in the reader's language when it exists, else in English or the first
 * language recorded, marked with its `lang` and a small "(in English)" note so the reader knows why.
 */
export function LocalisedText({ texts, component = 'p', empty = null, ...textProps }: LocalisedTextProps) {
  const { locale } = useLocale();
  const format = useFormat();
  const t = useT();
  const chosen = chooseText(texts, locale);
  if (!chosen) return <>{empty}</>;
  return (
    <Text component={component} lang={chosen.language} style={{ whiteSpace: 'pre-line' }} {...textProps}>
      {chosen.text}
      {chosen.isFallback && (
        <Text component="span" size="sm" c="dimmed" fs="italic" lang={locale}>
          {' '}
          {t('content.inLanguage', { language: format.language(chosen.language) })}
        </Text>
      )}
    </Text>
  );
}
