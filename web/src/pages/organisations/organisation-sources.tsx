import { Text, Title } from '@mantine/core';
import type { Schemas } from '../../api/client';
import { SourceLink } from '../../components/links';
import { EmptyState } from '../../components/query-state';
import { useT } from '../../i18n/use-t';

type SourceSummary = Schemas['SourceSummary'];

/** Where the facts on an organisation's page come from, each source with what it supports. */
export function OrganisationSources({
  organisation,
  relations,
}: {
  organisation: Schemas['Organisation'];
  relations: Schemas['OrganisationRelations'] | undefined;
}) {
  const t = useT();
  const supported = new Map<string, { source: SourceSummary; facts: string[] }>();
  const add = (source: SourceSummary | null, fact: string) => {
    if (!source) return;
    const entry = supported.get(source.id) ?? { source, facts: [] };
    if (!entry.facts.includes(fact)) entry.facts.push(fact);
    supported.set(source.id, entry);
  };
  add(organisation.source, t('sources.profile'));
  for (const membership of relations?.memberships ?? []) {
    add(
      membership.source,
      t(membership.direction === 'has_member' ? 'sources.memberOfThis' : 'sources.membershipIn', {
        name: membership.other.name,
      }),
    );
  }
  for (const partnership of relations?.partnerships ?? []) {
    add(partnership.source, t('sources.partnershipWith', { name: partnership.other.name }));
  }
  const sources = [...supported.values()];
  return (
    <section aria-labelledby="organisation-sources">
      <Title order={2} size="h3" id="organisation-sources" mb="xs">
        {t('sources.heading')}
      </Title>
      {sources.length === 0 ? (
        <EmptyState>{t('sources.none')}</EmptyState>
      ) : (
        <ul>
          {sources.map(({ source, facts }) => (
            <li key={source.id}>
              <SourceLink source={source} />
              <Text size="sm" c="dimmed">
                {t('sources.supports', { facts: facts.join('; ') })}
              </Text>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
