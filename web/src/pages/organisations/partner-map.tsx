import { Title } from '@mantine/core';
import type { Schemas } from '../../api/client';
import { OrganisationLink } from '../../components/links';
import { EmptyState } from '../../components/query-state';
import { useVocabulary } from '../../components/vocabulary';
import { useT } from '../../i18n/use-t';
import { OrganisationMap } from '../../maps/organisation-map';

/**
 * The map of an organisation's partners, with lines to them (for a network or association, its members;
 * the map library loads lazily); the list of partners below it is its accessible alternative.
 */
export function PartnerMap({
  organisation,
  relations,
}: {
  organisation: Schemas['Organisation'];
  relations: Schemas['OrganisationRelations'];
}) {
  const t = useT();
  const vocabulary = useVocabulary();
  const partners = new Map<string, { other: Schemas['OrganisationSummary']; ties: string[] }>();
  const add = (other: Schemas['OrganisationSummary'], tie: string) => {
    if (other.id === organisation.id) return;
    const entry = partners.get(other.id) ?? { other, ties: [] };
    if (!entry.ties.includes(tie)) entry.ties.push(tie);
    partners.set(other.id, entry);
  };
  for (const partnership of relations.partnerships) {
    add(partnership.other, vocabulary.partnershipType(partnership.type));
  }
  for (const membership of relations.memberships) {
    add(
      membership.other,
      t(membership.direction === 'has_member' ? 'partners.hasMember' : 'partners.memberOf', {
        role: vocabulary.membershipRole(membership.role),
      }),
    );
  }
  for (const project of relations.projects) {
    for (const partner of project.partners) add(partner.organisation, project.acronym ?? project.title);
  }
  const list = [...partners.values()];
  return (
    <section aria-labelledby="partner-map">
      <Title order={2} size="h3" id="partner-map" mb="xs">
        {t(
          relations.memberships.some((membership) => membership.direction === 'has_member')
            ? 'organisation.memberMap'
            : 'organisation.partnerMap',
        )}
      </Title>
      {list.length > 0 && <OrganisationMap organisation={organisation} relations={relations} />}
      {list.length === 0 ? (
        <EmptyState>{t('common.noneRecorded')}</EmptyState>
      ) : (
        <ul>
          {list.map(({ other, ties }) => (
            <li key={other.id}>
              <OrganisationLink organisation={other} withDetails /> – {ties.join(', ')}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
