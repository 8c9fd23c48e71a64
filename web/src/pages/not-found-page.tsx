import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { usePageTitle } from '../components/page-title';
import { useT } from '../i18n/use-t';

export function NotFoundPage() {
  const t = useT();
  usePageTitle(t('common.notFound'));
  return (
    <Stack>
      <Title order={1}>{t('common.notFound')}</Title>
      <Text>{t('common.notFoundText')}</Text>
      <Anchor component={Link} to="/">
        {t('common.backHome')}
      </Anchor>
    </Stack>
  );
}
