import { Anchor, Group } from '@mantine/core';
import { Link } from 'react-router';
import { useThemesByCode } from '../api/themes';
import { useLocale } from '../i18n/locale-provider';
import { useT } from '../i18n/use-t';
import { EmptyState } from './query-state';

/** The themes of a record, each a link to the theme's page, labelled in the reader's language. */
export function ThemeList({ codes }: { codes: readonly string[] }) {
  const { apiLanguage } = useLocale();
  const t = useT();
  const themes = useThemesByCode(apiLanguage);
  if (codes.length === 0) return <EmptyState>{t('common.noneRecorded')}</EmptyState>;
  return (
    <Group component="ul" className="plain-list" gap="xs">
      {codes.map((code) => {
        const theme = themes.get(code);
        return (
          <li key={code}>
            <Anchor
              component={Link}
              to={`/themes/${code}`}
              lang={theme?.labelLanguage}
              size="sm"
              c="blue.9"
              px={8}
              py={2}
              bd="1px solid var(--mantine-color-blue-3)"
              bg="blue.0"
              style={{ borderRadius: 'var(--mantine-radius-xl)', display: 'inline-block' }}
            >
              {theme?.label ?? code}
            </Anchor>
          </li>
        );
      })}
    </Group>
  );
}
