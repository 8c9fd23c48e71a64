import { NativeSelect, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { suggestedPartnersQuery } from '../../api/organisations';
import { QueryState } from '../../components/query-state';
import { useLocale } from '../../i18n/locale-provider';
import { useT } from '../../i18n/use-t';
import { RankedCandidates } from '../initiatives/candidate-list';
import {
  fundingProgrammeCodes,
  fundingProgrammeNames,
  type FundingProgrammeCode,
} from '../initiatives/initiative-labels';

const shown = 10;

/**
 * The organisations that would make good partners of this one, best first, each with the reasons it fits;
 * narrowed to what a funding programme can fund when the reader picks one, and the left-out on request.
 */
export function SuggestedPartners({ organisationId }: { organisationId: string }) {
  const t = useT();
  const { apiLanguage } = useLocale();
  const [programme, setProgramme] = useState<FundingProgrammeCode | ''>('');
  const [withExcluded, setWithExcluded] = useState(false);
  const query = useQuery(
    suggestedPartnersQuery(organisationId, {
      limit: shown,
      includeExcluded: withExcluded,
      lang: apiLanguage,
      ...(programme ? { programme } : {}),
    }),
  );
  return (
    <section aria-labelledby="suggested-partners">
      <Title order={2} size="h3" id="suggested-partners" mb="xs">
        {t('suggestions.heading')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm" maw="48rem">
        {t('suggestions.intro')}
      </Text>
      <NativeSelect
        label={t('initiative.field.programme')}
        value={programme}
        onChange={(event) => setProgramme(event.currentTarget.value as FundingProgrammeCode | '')}
        data={[
          { value: '', label: t('suggestions.anyProgramme') },
          ...fundingProgrammeCodes.map((code) => ({ value: code, label: fundingProgrammeNames[code] })),
        ]}
        maw="20rem"
        mb="md"
      />
      <QueryState query={query}>
        {(suggestions) => (
          <RankedCandidates
            candidates={suggestions.candidates}
            excluded={withExcluded ? suggestions.excluded : undefined}
            empty={t('suggestions.empty')}
            reasons="suggestions.reason"
            onShowExcluded={() => setWithExcluded(true)}
          />
        )}
      </QueryState>
    </section>
  );
}
