import { Anchor, Container, Stack, Text, Title } from '@mantine/core';
import { useRouteError } from 'react-router';
import { usePageTitle } from '../components/page-title';
import { useT } from '../i18n/use-t';

/** Shown when a page itself fails to load or render (a chunk gone after an update, a bug). */
export function RouteError() {
  const t = useT();
  const error = useRouteError();
  usePageTitle(t('routeError.title'));
  const message = error instanceof Error ? error.message : String(error);
  return (
    <Container size="sm" py="xl" component="main">
      <Stack>
        <Title order={1}>{t('routeError.title')}</Title>
        <Text>{t('routeError.text')}</Text>
        <Text size="sm" c="dimmed">
          {message}
        </Text>
        <Anchor href={window.location.href}>{t('routeError.reload')}</Anchor>
      </Stack>
    </Container>
  );
}
