import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { Schemas } from '../../api/client';
import { EmptyState } from '../../components/query-state';
import { useVocabulary } from '../../components/vocabulary';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { cooperationByYear, type TimelineEntry } from './cooperation-timeline';

/** An organisation's cooperation by year: a list per year, the latest first, undated ties last. */
export function CooperationTimeline({ relations }: { relations: Schemas['OrganisationRelations'] }) {
  const t = useT();
  const years = cooperationByYear(relations);
  if (years.length === 0) return <EmptyState>{t('common.noneRecorded')}</EmptyState>;
  return (
    <Stack gap="md">
      {years.map((year) => (
        <section key={year.year ?? 'undated'} aria-labelledby={`year-${year.year ?? 'undated'}`}>
          <Title order={3} size="h4" id={`year-${year.year ?? 'undated'}`}>
            {year.year ?? t('timeline.undated')}
          </Title>
          <ul>
            {year.entries.map((entry) => (
              <TimelineItem key={`${entry.kind}:${entry.id}`} entry={entry} />
            ))}
          </ul>
        </section>
      ))}
    </Stack>
  );
}

function TimelineItem({ entry }: { entry: TimelineEntry }) {
  const t = useT();
  const format = useFormat();
  const vocabulary = useVocabulary();
  const kindLabel = {
    membership: t(entry.detail === 'has_member' ? 'timeline.newMember' : 'timeline.joined'),
    partnership: vocabulary.partnershipType(entry.detail),
    project: t('timeline.project'),
    activity: vocabulary.activityType(entry.detail),
  }[entry.kind];
  return (
    <li>
      <Text component="span" fw={500}>
        {kindLabel}
      </Text>
      {': '}
      <Anchor component={Link} to={entry.path}>
        {entry.title}
      </Anchor>
      {entry.date && entry.date.length > 4 && (
        <Text component="span" size="sm" c="dimmed">
          {' '}
          ({format.partialDate(entry.date)})
        </Text>
      )}
    </li>
  );
}
