import { Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import type { Schemas } from '../../api/client';
import { activityQuery } from '../../api/activities';
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
import { ActivityActions } from '../../forms/record-actions';
import { RecordHistory } from '../../components/record-history';

/** A dated event: type, dates and place, who took part in which role, outcomes and source. */
export function ActivityPage() {
  const { id = '' } = useParams();
  const query = useQuery(activityQuery(id));
  return (
    <QueryState query={query} isPage>
      {(activity) => <ActivityView activity={activity} />}
    </QueryState>
  );
}

function ActivityView({ activity }: { activity: Schemas['Activity'] }) {
  const t = useT();
  const format = useFormat();
  const vocabulary = useVocabulary();
  const { locale } = useLocale();
  const title = chooseText(activity.title, locale);
  usePageTitle(title?.text ?? activity.displayTitle);
  return (
    <Stack gap="xl">
      <div>
        <Text c="dimmed" fw={500}>
          {vocabulary.activityType(activity.type)}
        </Text>
        <Title order={1} lang={title?.language}>
          {title?.text ?? activity.displayTitle}
        </Title>
      </div>
      <ActivityActions activity={activity} />
      <Facts
        items={[
          { label: t('activity.type'), value: vocabulary.activityType(activity.type) },
          {
            label: t('common.dates'),
            value: <DateRange start={activity.startsOn} end={activity.endsOn} isEvent />,
          },
          {
            label: t('activity.place'),
            value:
              [activity.placeName, activity.country ? format.country(activity.country) : null]
                .filter(Boolean)
                .join(', ') || undefined,
          },
          {
            label: t('activity.project'),
            value: activity.project && (
              <Anchor component={Link} to={`/projects/${activity.project.slug}`}>
                {activity.project.acronym ?? activity.project.title}
              </Anchor>
            ),
          },
        ]}
      />
      <LocalisedText texts={activity.description} maw="48rem" />
      <section aria-labelledby="activity-participants">
        <Title order={2} size="h3" id="activity-participants" mb="xs">
          {t('activity.participants')}
        </Title>
        {activity.participants.length === 0 ? (
          <EmptyState>{t('common.noneRecorded')}</EmptyState>
        ) : (
          <Table striped maw="48rem">
            <Table.Caption className="visually-hidden">{t('activity.participants')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('organisation.organisation')}</Table.Th>
                <Table.Th scope="col">{t('common.role')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {activity.participants.map((participant) => (
                <Table.Tr key={participant.organisation.id}>
                  <Table.Td>
                    <OrganisationLink organisation={participant.organisation} withDetails />
                  </Table.Td>
                  <Table.Td>{vocabulary.activityParticipantRole(participant.role)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </section>
      <section aria-labelledby="activity-outcomes">
        <Title order={2} size="h3" id="activity-outcomes" mb="xs">
          {t('activity.outcomes')}
        </Title>
        <LocalisedText
          texts={activity.outcomes}
          maw="48rem"
          empty={<EmptyState>{t('common.noneRecorded')}</EmptyState>}
        />
      </section>
      <section aria-labelledby="activity-themes">
        <Title order={2} size="h3" id="activity-themes" mb="xs">
          {t('common.themes')}
        </Title>
        <ThemeList codes={activity.themes} />
      </section>
      <section aria-labelledby="activity-source">
        <Title order={2} size="h3" id="activity-source" mb="xs">
          {t('sources.heading')}
        </Title>
        {activity.source ? (
          <SourceLink source={activity.source} />
        ) : (
          <EmptyState>{t('sources.none')}</EmptyState>
        )}
      </section>
      <RecordHistory entity="activity" id={activity.id} />
    </Stack>
  );
}
