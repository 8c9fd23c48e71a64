import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { usePageTitle } from '../../components/page-title';
import { useT } from '../../i18n/use-t';
import { HomeMap } from './home-map';
import { LatestChanges } from './latest-changes';
import { RegistryCounts } from './registry-counts';

/** The front page: what Pobratim holds, a search box, the map of organisations, the latest changes. */
export function HomePage() {
  const t = useT();
  usePageTitle(undefined);
  return (
    <Stack gap="xl">
      <Stack gap="sm">
        <Title order={1}>{t('home.heading')}</Title>
        <Text size="lg" maw="48rem">
          {t('home.intro')}
        </Text>
        <HomeSearch />
      </Stack>
      <RegistryCounts />
      <HomeMap />
      <LatestChanges />
    </Stack>
  );
}

function HomeSearch() {
  const t = useT();
  const navigate = useNavigate();
  const [value, setValue] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (value.trim() !== '') void navigate(`/search?q=${encodeURIComponent(value.trim())}`);
  };
  return (
    <form role="search" aria-label={t('home.searchLabel')} onSubmit={submit}>
      <Group align="flex-end" gap="xs" maw="40rem">
        <TextInput
          type="search"
          label={t('home.searchLabel')}
          description={t('search.hint')}
          value={value}
          onChange={(event) => setValue(event.currentTarget.value)}
          style={{ flex: 1 }}
        />
        <Button type="submit">{t('search.submit')}</Button>
      </Group>
    </form>
  );
}
