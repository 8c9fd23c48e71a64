import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import type { Schemas } from '../../api/client';
import { partnershipQuery } from '../../api/partnerships';
import { Facts } from '../../components/facts';
import { OrganisationLink, SourceLink } from '../../components/links';
import { usePageTitle } from '../../components/page-title';
import { EmptyState, QueryState } from '../../components/query-state';
import { ThemeList } from '../../components/theme-list';
import { useVocabulary } from '../../components/vocabulary';
import { useFormat } from '../../i18n/format';
import { LocalisedText } from '../../i18n/localised-text';
import { useT } from '../../i18n/use-t';
import { PartnershipActions } from '../../forms/record-actions';
import { RecordHistory } from '../../components/record-history';
import { ConfirmationActions, ConfirmationBadge } from '../../components/confirmation';

/** A bilateral tie: both sides, type, status and its lifecycle dates, the agreement and its source. */
export function PartnershipPage() {
  const { id = '' } = useParams();
  const query = useQuery(partnershipQuery(id));
  return (
    <QueryState query={query} isPage>
      {(partnership) => <PartnershipView partnership={partnership} />}
    </QueryState>
  );
}

function PartnershipView({ partnership }: { partnership: Schemas['Partnership'] }) {
  const t = useT();
  const format = useFormat();
  const vocabulary = useVocabulary();
  const { organisationA: a, organisationB: b } = partnership;
  const title = t('partnership.between', { a: a.name, b: b.name });
  usePageTitle(title);
  return (
    <Stack gap="xl">
      <div>
        <Text c="dimmed" fw={500}>
          {vocabulary.partnershipType(partnership.type)}
        </Text>
        <Title order={1}>{title}</Title>
      </div>
      <PartnershipActions partnership={partnership} />
      <Facts
        items={[
          { label: t('partnership.sideA'), value: <OrganisationLink organisation={a} withDetails /> },
          { label: t('partnership.sideB'), value: <OrganisationLink organisation={b} withDetails /> },
          { label: t('partnership.type'), value: vocabulary.partnershipType(partnership.type) },
          { label: t('partnership.status'), value: vocabulary.partnershipStatus(partnership.status) },
          {
            label: t('partnership.signedOn'),
            value: partnership.signedOn ? format.partialDate(partnership.signedOn) : undefined,
          },
          {
            label: t('partnership.startedOn'),
            value: partnership.startedOn ? format.partialDate(partnership.startedOn) : undefined,
          },
          {
            label: t('partnership.endedOn'),
            value: partnership.endedOn ? format.partialDate(partnership.endedOn) : undefined,
          },
          {
            label: t('partnership.agreement'),
            value: partnership.agreementUrl && (
              <Anchor href={partnership.agreementUrl}>{t('partnership.agreementLink')}</Anchor>
            ),
          },
          {
            label: t('confirmation.heading'),
            value: (
              <Stack gap={4} align="flex-start">
                <ConfirmationBadge confirmation={partnership.confirmation} parties={[a, b]} />
                <ConfirmationActions
                  relation={{ kind: 'partnership', id: partnership.id, version: partnership.version }}
                  confirmation={partnership.confirmation}
                  parties={[a, b]}
                  subject={title}
                />
              </Stack>
            ),
          },
        ]}
      />
      <LocalisedText texts={partnership.description} maw="48rem" />
      <section aria-labelledby="partnership-themes">
        <Title order={2} size="h3" id="partnership-themes" mb="xs">
          {t('common.themes')}
        </Title>
        <ThemeList codes={partnership.themes} />
      </section>
      <section aria-labelledby="partnership-source">
        <Title order={2} size="h3" id="partnership-source" mb="xs">
          {t('sources.heading')}
        </Title>
        {partnership.source ? (
          <SourceLink source={partnership.source} />
        ) : (
          <EmptyState>{t('sources.none')}</EmptyState>
        )}
      </section>
      <RecordHistory entity="partnership" id={partnership.id} />
    </Stack>
  );
}
