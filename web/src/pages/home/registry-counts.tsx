import { Anchor, Paper, SimpleGrid, Skeleton, Text, Title } from '@mantine/core';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { Link } from 'react-router';
import { activityListQuery } from '../../api/activities';
import { organisationListQuery } from '../../api/organisations';
import { partnershipListQuery } from '../../api/partnerships';
import { projectListQuery } from '../../api/projects';
import type { MessageId } from '../../i18n/messages';
import { useT } from '../../i18n/use-t';

interface Counted {
  label: MessageId;
  to?: string;
  useTotal: () => UseQueryResult<number>;
}

// The lists' totals: one item per page is enough to read `total`.
const counted: Counted[] = [
  {
    label: 'home.count.organisations',
    to: '/organisations',
    useTotal: () => useQuery({ ...organisationListQuery({ pageSize: 1 }), select: (page) => page.total }),
  },
  {
    label: 'home.count.partnerships',
    useTotal: () => useQuery({ ...partnershipListQuery({ pageSize: 1 }), select: (page) => page.total }),
  },
  {
    label: 'home.count.projects',
    to: '/projects',
    useTotal: () => useQuery({ ...projectListQuery({ pageSize: 1 }), select: (page) => page.total }),
  },
  {
    label: 'home.count.activities',
    to: '/activities',
    useTotal: () => useQuery({ ...activityListQuery({ pageSize: 1 }), select: (page) => page.total }),
  },
];

/** How many organisations, partnerships, projects and activities the registry holds. */
export function RegistryCounts() {
  const t = useT();
  return (
    <section aria-labelledby="registry-counts">
      <Title order={2} id="registry-counts" mb="sm">
        {t('home.holds')}
      </Title>
      <SimpleGrid component="ul" className="plain-list" cols={{ base: 2, sm: 4 }}>
        {counted.map((item) => (
          <Count key={item.label} item={item} />
        ))}
      </SimpleGrid>
    </section>
  );
}

function Count({ item }: { item: Counted }) {
  const t = useT();
  const { data: total, isPending, isError } = item.useTotal();
  const text = total !== undefined ? t(item.label, { count: total }) : undefined;
  return (
    <Paper component="li" withBorder p="md" aria-busy={isPending || undefined}>
      {isPending && <Skeleton height={24} />}
      {isError && <Text c="dimmed">–</Text>}
      {text && (
        <Text fz="lg" fw={600}>
          {item.to ? (
            <Anchor component={Link} to={item.to} inherit>
              {text}
            </Anchor>
          ) : (
            text
          )}
        </Text>
      )}
    </Paper>
  );
}
