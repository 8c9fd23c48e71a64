import { Button, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useIntl } from 'react-intl';
import { OrganisationLink } from '../../components/links';
import { EmptyState } from '../../components/query-state';
import { useFormat } from '../../i18n/format';
import type { MessageId } from '../../i18n/messages';
import { useT } from '../../i18n/use-t';
import { explainScore } from './candidate-scores';

/** An organisation as a candidate list names it. */
interface CandidateOrganisation {
  id: string;
  slug: string;
  name: string;
  kind: string;
  country: string | null;
}

/** A ranked candidate: its score (0 to 1) and what each factor added to it (negative: took away). */
export interface RankedCandidate {
  organisation: CandidateOrganisation;
  score: number;
  factors: { factor: string; contribution: number }[];
}

/** A candidate left out of the ranking, with the reason. */
export interface ExcludedCandidate {
  organisation: CandidateOrganisation;
  reason: string;
}

/** A message of the catalogues if it exists, else the fallback (a factor or reason the app does not know yet). */
function useOptionalMessage(): (id: string, fallback: string) => string {
  const intl = useIntl();
  return (id, fallback) => (id in intl.messages ? intl.formatMessage({ id: id as MessageId }) : fallback);
}

/**
 * Candidate partners, best first: each with a bar of its score and, under it, a bar per factor with the
 * factor's share of what raised it, named in the reader's language, then what lowered it. Bars carry their
 * value as text too, so nothing depends on seeing them.
 */
export function CandidateList({ items }: { items: RankedCandidate[] }) {
  const t = useT();
  const format = useFormat();
  const percent = (value: number) => format.percent(String(Math.round(value * 1000) / 10));
  return (
    <Stack component="ol" className="plain-list" gap="sm">
      {items.map((candidate, rank) => (
        <li key={candidate.organisation.id}>
          <Card withBorder padding="sm">
            <Stack gap={6}>
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Text fw={600}>
                  {t('candidates.rank', { rank: rank + 1 })}{' '}
                  <OrganisationLink organisation={candidate.organisation} withDetails />
                </Text>
                <Text fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {t('candidates.score', { score: percent(candidate.score) })}
                </Text>
              </Group>
              <Progress
                value={candidate.score * 100}
                size="lg"
                aria-label={t('candidates.scoreOf', {
                  name: candidate.organisation.name,
                  score: percent(candidate.score),
                })}
              />
              <Reasons factors={candidate.factors} />
            </Stack>
          </Card>
        </li>
      ))}
    </Stack>
  );
}

/** Why a candidate fits: a bar per raising factor with its share, then the factors that lower the score. */
function Reasons({ factors }: { factors: RankedCandidate['factors'] }) {
  const t = useT();
  const format = useFormat();
  const message = useOptionalMessage();
  const labelOf = (factor: string) => message(`candidates.factor.${factor}`, factor.replaceAll('_', ' '));
  const { raising, lowering } = explainScore(factors);
  const percent = (value: number) => format.percent(String(Math.round(value * 100)));
  return (
    <>
      {raising.length > 0 && (
        <Stack component="ul" className="plain-list" gap={4} aria-label={t('candidates.reasons')}>
          {raising.map(({ factor, share }) => {
            const label = labelOf(factor);
            return (
              <li key={factor}>
                <Group gap="sm" wrap="nowrap">
                  <Text size="sm" w="13rem" style={{ flexShrink: 0 }}>
                    {label}
                  </Text>
                  <Progress
                    value={share * 100}
                    color="teal"
                    size="sm"
                    style={{ flexGrow: 1 }}
                    aria-label={`${label}: ${percent(share)}`}
                  />
                  <Text size="sm" w="4rem" ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {percent(share)}
                  </Text>
                </Group>
              </li>
            );
          })}
        </Stack>
      )}
      {lowering.length > 0 && (
        <Text size="sm" c="dimmed">
          {t('candidates.lowering', { factors: lowering.map(labelOf).join(', ') })}
        </Text>
      )}
    </>
  );
}

/**
 * The organisations left out of the ranking, each with the reason in the reader's language: the message
 * `<reasons>.<reason>` (an initiative's candidates and an organisation's suggestions word them differently).
 */
export function ExcludedCandidateList({
  items,
  reasons = 'candidates.reason',
}: {
  items: ExcludedCandidate[];
  reasons?: 'candidates.reason' | 'suggestions.reason';
}) {
  const message = useOptionalMessage();
  return (
    <Stack component="ul" className="plain-list" gap={4}>
      {items.map((excluded) => (
        <li key={excluded.organisation.id}>
          <Text size="sm">
            <OrganisationLink organisation={excluded.organisation} withDetails />
            {': '}
            {message(`${reasons}.${excluded.reason}`, excluded.reason.replaceAll('_', ' '))}
          </Text>
        </li>
      ))}
    </Stack>
  );
}

/**
 * Ranked candidates with the empty state when there are none, then the organisations left out: their list
 * once `excluded` is given (asked for), else the button that asks for it.
 */
export function RankedCandidates({
  candidates,
  excluded,
  empty,
  reasons,
  onShowExcluded,
}: {
  candidates: RankedCandidate[];
  /** Undefined until the reader asks for those left out. */
  excluded: ExcludedCandidate[] | undefined;
  empty: string;
  reasons?: 'candidates.reason' | 'suggestions.reason';
  onShowExcluded: () => void;
}) {
  const t = useT();
  return (
    <Stack gap="md">
      {candidates.length === 0 ? <EmptyState>{empty}</EmptyState> : <CandidateList items={candidates} />}
      {excluded ? (
        <Stack gap="xs">
          <Title order={3} size="h4">
            {t('candidates.excluded')}
          </Title>
          {excluded.length === 0 ? (
            <EmptyState>{t('candidates.excludedNone')}</EmptyState>
          ) : (
            <ExcludedCandidateList items={excluded} reasons={reasons} />
          )}
        </Stack>
      ) : (
        <div>
          <Button variant="subtle" size="xs" onClick={onShowExcluded}>
            {t('candidates.showExcluded')}
          </Button>
        </div>
      )}
    </Stack>
  );
}
