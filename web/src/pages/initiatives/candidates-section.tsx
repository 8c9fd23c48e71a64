import { Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Schemas } from '../../api/client';
import { candidateListQuery } from '../../api/initiatives';
import { QueryState } from '../../components/query-state';
import { useT } from '../../i18n/use-t';
import { RankedCandidates } from './candidate-list';

const shown = 10;

/** The candidate partners of an initiative, best first, with what made each one fit; the left-out on request. */
export function CandidatesSection({ initiative }: { initiative: Schemas['Initiative'] }) {
  const t = useT();
  const [withExcluded, setWithExcluded] = useState(false);
  const query = useQuery(candidateListQuery(initiative.id, { limit: shown, includeExcluded: withExcluded }));
  return (
    <section aria-labelledby="initiative-candidates">
      <Title order={2} size="h3" id="initiative-candidates" mb="xs">
        {t('candidates.heading')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm" maw="48rem">
        {t('candidates.intro')}
      </Text>
      <QueryState query={query}>
        {(candidates) => (
          <RankedCandidates
            candidates={candidates.items}
            excluded={withExcluded ? candidates.excluded : undefined}
            empty={t('candidates.empty')}
            onShowExcluded={() => setWithExcluded(true)}
          />
        )}
      </QueryState>
    </section>
  );
}
