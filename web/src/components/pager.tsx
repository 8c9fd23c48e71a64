import { Group, Pagination, Text } from '@mantine/core';
import { useT } from '../i18n/use-t';

interface PagerProps {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
}

/** The total of a list and links to its pages, each with a spoken label. */
export function Pager({ page, pageSize, total, onChange }: PagerProps) {
  const t = useT();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <Group justify="space-between" mt="md" wrap="wrap">
      <Text size="sm" c="dimmed" aria-live="polite">
        {t('list.total', { count: total })}
      </Text>
      {pages > 1 && (
        <nav aria-label={t('pagination.label')}>
          <Pagination
            total={pages}
            value={page}
            onChange={onChange}
            getItemProps={(item) => ({ 'aria-label': t('pagination.page', { page: item }) })}
            getControlProps={(control) => ({
              'aria-label': t(
                control === 'previous' || control === 'first' ? 'pagination.previous' : 'pagination.next',
              ),
            })}
          />
        </nav>
      )}
    </Group>
  );
}
