import { Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import type { Schemas } from '../../api/client';
import { projectQuery } from '../../api/projects';
import { DateRange } from '../../components/dates';
import { Facts } from '../../components/facts';
import { OrganisationLink, SourceLink } from '../../components/links';
import { usePageTitle } from '../../components/page-title';
import { EmptyState, QueryState } from '../../components/query-state';
import { ThemeList } from '../../components/theme-list';
import { useVocabulary } from '../../components/vocabulary';
import { chooseText } from '../../i18n/choose-text';
import { useFormat } from '../../i18n/format';
import { useLocale } from '../../i18n/locale-provider';
import { LocalisedText } from '../../i18n/localised-text';
import { useT } from '../../i18n/use-t';
import { ProjectActions } from '../../forms/record-actions';
import { RecordHistory } from '../../components/record-history';
import { ConfirmationActions, ConfirmationBadge } from '../../components/confirmation';

type Project = Schemas['Project'];

/** A project: programme, call and fund, partners with budgets and co-financing, objectives and results. */
export function ProjectPage() {
  const { slug = '' } = useParams();
  const query = useQuery(projectQuery(slug));
  return (
    <QueryState query={query} isPage>
      {(project) => <ProjectView project={project} />}
    </QueryState>
  );
}

function ProjectView({ project }: { project: Project }) {
  const t = useT();
  const format = useFormat();
  const vocabulary = useVocabulary();
  const { locale } = useLocale();
  const title = chooseText(project.title, locale);
  usePageTitle(project.acronym ?? title?.text ?? project.displayTitle);
  return (
    <Stack gap="xl">
      <div>
        <Text c="dimmed" fw={500}>
          {t('project.kicker', { programme: project.programme })}
        </Text>
        <Title order={1} lang={title?.language}>
          {title?.text ?? project.displayTitle}
        </Title>
        {project.acronym && project.acronym !== title?.text && (
          <Text size="lg" c="dimmed">
            {project.acronym}
          </Text>
        )}
      </div>
      <ProjectActions project={project} />
      <Facts
        items={[
          { label: t('project.programme'), value: project.programme },
          { label: t('project.call'), value: project.call },
          { label: t('project.fund'), value: project.fund },
          { label: t('project.status'), value: vocabulary.projectStatus(project.status) },
          {
            label: t('common.dates'),
            value: <DateRange start={project.startsOn} end={project.endsOn} />,
          },
          {
            label: t('project.duration'),
            value:
              project.durationMonths !== null
                ? t('project.months', { count: project.durationMonths })
                : undefined,
          },
          {
            label: t('project.totalBudget'),
            value:
              project.totalBudget !== null ? format.money(project.totalBudget, project.currency) : undefined,
          },
          {
            label: t('organisation.website'),
            value: project.website && <Anchor href={project.website}>{project.website}</Anchor>,
          },
        ]}
      />
      <LocalisedText texts={project.description} maw="48rem" />
      <PartnerBudgets project={project} />
      <TextSection id="objectives" title={t('project.objectives')} texts={project.objectives} />
      <TextSection
        id="expected-results"
        title={t('project.expectedResults')}
        texts={project.expectedResults}
      />
      <section aria-labelledby="project-themes">
        <Title order={2} size="h3" id="project-themes" mb="xs">
          {t('common.themes')}
        </Title>
        <ThemeList codes={project.themes} />
      </section>
      <section aria-labelledby="project-source">
        <Title order={2} size="h3" id="project-source" mb="xs">
          {t('sources.heading')}
        </Title>
        {project.source ? (
          <SourceLink source={project.source} />
        ) : (
          <EmptyState>{t('sources.none')}</EmptyState>
        )}
      </section>
      <RecordHistory entity="project" id={project.id} />
    </Stack>
  );
}

function TextSection({ id, title, texts }: { id: string; title: string; texts: Record<string, string> }) {
  const t = useT();
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="xs">
        {title}
      </Title>
      <LocalisedText texts={texts} maw="48rem" empty={<EmptyState>{t('common.noneRecorded')}</EmptyState>} />
    </section>
  );
}

/** Partners with roles, budgets and co-financing; the total is the API's exact sum, never added up here. */
function PartnerBudgets({ project }: { project: Project }) {
  const t = useT();
  const format = useFormat();
  const vocabulary = useVocabulary();
  const hasOtherCurrencies = project.partners.some(
    (partner) => partner.budget !== null && partner.currency !== project.totals.currency,
  );
  return (
    <section aria-labelledby="project-partners">
      <Title order={2} size="h3" id="project-partners" mb="xs">
        {t('project.partners')}
      </Title>
      {project.partners.length === 0 ? (
        <EmptyState>{t('common.noneRecorded')}</EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped captionSide="top">
            <Table.Caption ta="left">{t('project.budgetCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('project.partner')}</Table.Th>
                <Table.Th scope="col">{t('common.role')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('project.budget')}
                </Table.Th>
                <Table.Th scope="col">{t('project.coFinancing')}</Table.Th>
                <Table.Th scope="col">{t('confirmation.heading')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {project.partners.map((partner) => (
                <Table.Tr key={partner.organisation.id}>
                  <Table.Th scope="row" fw="normal">
                    <OrganisationLink organisation={partner.organisation} withDetails />
                  </Table.Th>
                  <Table.Td>{vocabulary.projectPartnerRole(partner.role)}</Table.Td>
                  <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {partner.budget !== null ? format.money(partner.budget, partner.currency) : '–'}
                  </Table.Td>
                  <Table.Td>
                    {partner.coFinancingRate !== null
                      ? t('project.coFinancingRate', {
                          rate: format.percent(partner.coFinancingRate),
                          fund: partner.coFinancingFund ?? project.fund ?? '–',
                        })
                      : '–'}
                  </Table.Td>
                  <Table.Td>
                    <PartnerConfirmation project={project} partner={partner} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th scope="row">{t('project.total')}</Table.Th>
                <Table.Td>{t('project.partnerCount', { count: project.totals.partnerCount })}</Table.Td>
                <Table.Td ta="right" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {project.totals.partnerBudget !== null
                    ? format.money(project.totals.partnerBudget, project.totals.currency)
                    : '–'}
                </Table.Td>
                <Table.Td />
                <Table.Td />
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      )}
      {hasOtherCurrencies && (
        <Text size="sm" c="dimmed" mt="xs">
          {t('project.otherCurrencies', { currency: project.totals.currency })}
        </Text>
      )}
    </section>
  );
}

/** Where a partner's place in the project stands: its sides are the project's lead and the partner. */
function PartnerConfirmation({
  project,
  partner,
}: {
  project: Project;
  partner: Project['partners'][number];
}) {
  const t = useT();
  const lead = project.partners.find((candidate) => candidate.role === 'lead');
  const parties = [...(lead && lead !== partner ? [lead.organisation] : []), partner.organisation];
  return (
    <Stack gap={4} align="flex-start">
      <ConfirmationBadge confirmation={partner.confirmation} parties={parties} />
      <ConfirmationActions
        relation={{
          kind: 'projectPartner',
          projectId: project.id,
          organisationId: partner.organisation.id,
          version: project.version,
        }}
        confirmation={partner.confirmation}
        parties={parties}
        subject={t('confirmation.subject.projectPartner', { name: partner.organisation.name })}
      />
    </Stack>
  );
}
