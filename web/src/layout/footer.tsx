import { Anchor, Container, Stack, Text } from '@mantine/core';
import { useT } from '../i18n/use-t';

/** Data attribution (required by the licences) and the way to the API. */
export function Footer() {
  const t = useT();
  return (
    <footer className="site-footer">
      <Container size="lg" py="lg">
        <Stack gap={4}>
          <Text size="sm">
            {t('footer.gazetteer')}{' '}
            <Anchor href="https://www.geonames.org/" size="sm">
              GeoNames
            </Anchor>{' '}
            (
            <Anchor href="https://creativecommons.org/licenses/by/4.0/" size="sm">
              CC BY 4.0
            </Anchor>
            ).
          </Text>
          <Text size="sm">{t('footer.administrativeUnits')}</Text>
          <Text size="sm">
            <Anchor href="/api/docs" size="sm">
              {t('footer.apiDocs')}
            </Anchor>
            {' · '}
            {t('footer.licence')}
          </Text>
        </Stack>
      </Container>
    </footer>
  );
}
