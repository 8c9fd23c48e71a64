import { Anchor, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import type { Schemas } from '../../api/client';
import { DateRange } from '../../components/dates';
import { OrganisationLink } from '../../components/links';
import { EmptyState, QueryState } from '../../components/query-state';
import { EditLink } from '../../forms/record-actions';
import { useVocabulary } from '../../components/vocabulary';
import { useT } from '../../i18n/use-t';
import { CooperationTimeline } from './cooperation-timeline-view';
import { ConfirmationActions, ConfirmationBadge } from '../../components/confirmation';

type Relations = Schemas['OrganisationRelations'];
type Organisation = Schemas['Organisation'];

const tabs = [
  'members',
  'memberships',
  'partnerships',
  'projects',
  'activities',
  'programmes',
  'timeline',
] as const;
type Tab = (typeof tabs)[number];

function isTab(value: string | null): value is Tab {
  return (tabs as readonly (string | null)[]).includes(value);
}

const collectiveKinds = new Set(['association', 'network']);

/** An organisation's ties in tabs; the chosen tab is part of the address (`?tab=partnerships`). */
export function OrganisationRelations({
  organisation,
  query,
}: {
  organisation: Organisation;
  query: UseQueryResult<Relations>;
}) {
  const t = useT();
  const [params, setParams] = useSearchParams();
  return (
    <section aria-labelledby="cooperation">
      <Title order={2} id="cooperation" mb="sm">
        {t('organisation.cooperation')}
      </Title>
      <QueryState query={query}>
        {(relations) => {
          const members = relations.memberships.filter((membership) => membership.direction === 'has_member');
          const memberOf = relations.memberships.filter((membership) => membership.direction === 'member_of');
          const showMembers = members.length > 0 || collectiveKinds.has(organisation.kind);
          const available: Tab[] = tabs.filter((tab) => tab !== 'members' || showMembers);
          const counts: Record<Tab, number | undefined> = {
            members: members.length,
            memberships: memberOf.length,
            partnerships: relations.partnerships.length,
            projects: relations.projects.length,
            activities: relations.activities.length,
            programmes: relations.programmes.length,
            timeline: undefined,
          };
          // Without a chosen tab, open the first that has something to show.
          const requested = params.get('tab');
          const active: Tab =
            isTab(requested) && available.includes(requested)
              ? requested
              : (available.find((tab) => (counts[tab] ?? 0) > 0) ?? available[0]!);
          return (
            <Tabs
              value={active}
              onChange={(value) => {
                if (isTab(value))
                  setParams((current) => ({ ...Object.fromEntries(current), tab: value }), { replace: true });
              }}
              keepMounted={false}
            >
              <Tabs.List aria-label={t('organisation.cooperation')}>
                {available.map((tab) => (
                  <Tabs.Tab key={tab} value={tab}>
                    {t(`organisation.tab.${tab}`, { count: counts[tab] ?? 0 })}
                  </Tabs.Tab>
                ))}
              </Tabs.List>
              <Tabs.Panel value="members" pt="md">
                <MembershipTable
                  organisation={organisation}
                  memberships={members}
                  caption={t('organisation.tab.members', { count: members.length })}
                />
              </Tabs.Panel>
              <Tabs.Panel value="memberships" pt="md">
                <MembershipTable
                  organisation={organisation}
                  memberships={memberOf}
                  caption={t('organisation.tab.memberships', { count: memberOf.length })}
                />
              </Tabs.Panel>
              <Tabs.Panel value="partnerships" pt="md">
                <PartnershipTable organisation={organisation} partnerships={relations.partnerships} />
              </Tabs.Panel>
              <Tabs.Panel value="projects" pt="md">
                <ProjectTable organisation={organisation} projects={relations.projects} />
              </Tabs.Panel>
              <Tabs.Panel value="activities" pt="md">
                <ActivityTable activities={relations.activities} />
              </Tabs.Panel>
              <Tabs.Panel value="programmes" pt="md">
                <ProgrammeList organisation={organisation} programmes={relations.programmes} />
              </Tabs.Panel>
              <Tabs.Panel value="timeline" pt="md">
                <CooperationTimeline relations={relations} />
              </Tabs.Panel>
            </Tabs>
          );
        }}
      </QueryState>
    </section>
  );
}

function MembershipTable({
  organisation,
  memberships,
  caption,
}: {
  organisation: Organisation;
  memberships: Relations['memberships'];
  caption: string;
}) {
  const t = useT();
  const vocabulary = useVocabulary();
  if (memberships.length === 0) return <EmptyState>{t('common.noneRecorded')}</EmptyState>;
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table striped>
        <Table.Caption className="visually-hidden">{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('organisation.organisation')}</Table.Th>
            <Table.Th scope="col">{t('common.role')}</Table.Th>
            <Table.Th scope="col">{t('common.dates')}</Table.Th>
            <Table.Th scope="col">{t('confirmation.heading')}</Table.Th>
            <Table.Th scope="col">
              <span className="visually-hidden">{t('form.edit')}</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {memberships.map((membership) => (
            <Table.Tr key={membership.id}>
              <Table.Td>
                <OrganisationLink organisation={membership.other} withDetails />
              </Table.Td>
              <Table.Td>{vocabulary.membershipRole(membership.role)}</Table.Td>
              <Table.Td>
                <DateRange start={membership.since} end={membership.until} />
              </Table.Td>
              <Table.Td>
                <MembershipConfirmation organisation={organisation} membership={membership} />
              </Table.Td>
              <Table.Td>
                <EditLink
                  to={`/memberships/${membership.id}/edit`}
                  label={t('form.membership.editOf', { name: membership.other.name })}
                  organisationIds={[organisation.id, membership.other.id]}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function PartnershipTable({
  organisation,
  partnerships,
}: {
  organisation: Organisation;
  partnerships: Relations['partnerships'];
}) {
  const t = useT();
  const vocabulary = useVocabulary();
  if (partnerships.length === 0) return <EmptyState>{t('common.noneRecorded')}</EmptyState>;
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table striped>
        <Table.Caption className="visually-hidden">
          {t('organisation.tab.partnerships', { count: partnerships.length })}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('partnership.partner')}</Table.Th>
            <Table.Th scope="col">{t('partnership.type')}</Table.Th>
            <Table.Th scope="col">{t('partnership.status')}</Table.Th>
            <Table.Th scope="col">{t('common.dates')}</Table.Th>
            <Table.Th scope="col">{t('confirmation.heading')}</Table.Th>
            <Table.Th scope="col">
              <span className="visually-hidden">{t('common.details')}</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {partnerships.map((partnership) => (
            <Table.Tr key={partnership.id}>
              <Table.Td>
                <OrganisationLink organisation={partnership.other} withDetails />
              </Table.Td>
              <Table.Td>{vocabulary.partnershipType(partnership.type)}</Table.Td>
              <Table.Td>{vocabulary.partnershipStatus(partnership.status)}</Table.Td>
              <Table.Td>
                <DateRange start={partnership.startedOn ?? partnership.signedOn} end={partnership.endedOn} />
              </Table.Td>
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  <ConfirmationBadge
                    confirmation={partnership.confirmation}
                    parties={[organisation, partnership.other]}
                  />
                  <ConfirmationActions
                    relation={{ kind: 'partnership', id: partnership.id, version: partnership.version }}
                    confirmation={partnership.confirmation}
                    parties={[organisation, partnership.other]}
                    subject={t('confirmation.subject.partnership', { name: partnership.other.name })}
                  />
                </Stack>
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/partnerships/${partnership.id}`} size="sm">
                  {t('partnership.open', { name: partnership.other.name })}
                </Anchor>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ProjectTable({
  organisation,
  projects,
}: {
  organisation: Organisation;
  projects: Relations['projects'];
}) {
  const t = useT();
  const vocabulary = useVocabulary();
  if (projects.length === 0) return <EmptyState>{t('common.noneRecorded')}</EmptyState>;
  return (
    <Stack gap="md">
      {projects.map((project) => (
        <div key={project.id}>
          <Title order={3} size="h4">
            <Anchor component={Link} to={`/projects/${project.slug}`} inherit>
              {project.acronym ? `${project.acronym}: ${project.title}` : project.title}
            </Anchor>
          </Title>
          <Text size="sm">
            {project.programme} · {vocabulary.projectStatus(project.status)} ·{' '}
            <DateRange start={project.startsOn} end={project.endsOn} /> ·{' '}
            {t('project.roleOf', { role: vocabulary.projectPartnerRole(project.role) })}
          </Text>
          <OwnPartnerConfirmation organisation={organisation} project={project} />
          <Text size="sm" c="dimmed">
            {t('project.partnerCount', { count: project.partners.length })}:{' '}
            {project.partners.map((partner, index) => (
              <span key={partner.organisation.id}>
                {index > 0 && ', '}
                <OrganisationLink organisation={partner.organisation} />
                {partner.role === 'lead' && ` (${vocabulary.projectPartnerRole('lead')})`}
              </span>
            ))}
          </Text>
        </div>
      ))}
    </Stack>
  );
}

function ActivityTable({ activities }: { activities: Relations['activities'] }) {
  const t = useT();
  const vocabulary = useVocabulary();
  if (activities.length === 0) return <EmptyState>{t('common.noneRecorded')}</EmptyState>;
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table striped>
        <Table.Caption className="visually-hidden">
          {t('organisation.tab.activities', { count: activities.length })}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('activity.title')}</Table.Th>
            <Table.Th scope="col">{t('activity.type')}</Table.Th>
            <Table.Th scope="col">{t('common.role')}</Table.Th>
            <Table.Th scope="col">{t('common.dates')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {activities.map((activity) => (
            <Table.Tr key={activity.id}>
              <Table.Td>
                <Anchor component={Link} to={`/activities/${activity.id}`}>
                  {activity.title}
                </Anchor>
                {activity.placeName && (
                  <Text component="span" size="sm" c="dimmed">
                    {' '}
                    ({activity.placeName})
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{vocabulary.activityType(activity.type)}</Table.Td>
              <Table.Td>{vocabulary.activityParticipantRole(activity.role)}</Table.Td>
              <Table.Td>
                <DateRange start={activity.startsOn} end={activity.endsOn} isEvent />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ProgrammeList({
  organisation,
  programmes,
}: {
  organisation: Organisation;
  programmes: Relations['programmes'];
}) {
  const t = useT();
  if (programmes.length === 0) return <EmptyState>{t('common.noneRecorded')}</EmptyState>;
  return (
    <ul>
      {programmes.map((programme) => (
        <li key={programme.id}>
          {programme.year}: {programme.title}{' '}
          <EditLink
            to={`/programmes/${programme.id}/edit`}
            label={t('form.programme.editOf', { name: programme.title })}
            organisationIds={[organisation.id]}
          />
        </li>
      ))}
    </ul>
  );
}

function MembershipConfirmation({
  organisation,
  membership,
}: {
  organisation: Organisation;
  membership: Relations['memberships'][number];
}) {
  const t = useT();
  const [member, network] =
    membership.direction === 'member_of'
      ? [organisation, membership.other]
      : [membership.other, organisation];
  return (
    <Stack gap={4} align="flex-start">
      <ConfirmationBadge confirmation={membership.confirmation} parties={[member, network]} />
      <ConfirmationActions
        relation={{ kind: 'membership', id: membership.id, version: membership.version }}
        confirmation={membership.confirmation}
        parties={[member, network]}
        subject={t('confirmation.subject.membership', { member: member.name, organisation: network.name })}
      />
    </Stack>
  );
}

/** Where the organisation's own place in a project stands with the project's lead. */
function OwnPartnerConfirmation({
  organisation,
  project,
}: {
  organisation: Organisation;
  project: Relations['projects'][number];
}) {
  const own = project.partners.find((partner) => partner.organisation.id === organisation.id);
  if (!own) return null;
  const lead = project.partners.find((partner) => partner.role === 'lead');
  const parties = [organisation, ...(lead && lead !== own ? [lead.organisation] : [])];
  return <ConfirmationBadge confirmation={own.confirmation} parties={parties} />;
}
