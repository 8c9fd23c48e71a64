import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Schemas } from '../api/client';
import { useFormat } from '../i18n/format';
import { useVocabulary } from './vocabulary';

type OrganisationSummary = Schemas['OrganisationSummary'];

/** A link to an organisation's page, optionally followed by its kind and country. */
export function OrganisationLink({
  organisation,
  withDetails = false,
}: {
  organisation: Pick<OrganisationSummary, 'slug' | 'name'> & Partial<OrganisationSummary>;
  withDetails?: boolean;
}) {
  const format = useFormat();
  const vocabulary = useVocabulary();
  const details = [
    organisation.kind ? vocabulary.organisationKind(organisation.kind) : undefined,
    organisation.country ? format.country(organisation.country) : undefined,
  ].filter(Boolean);
  return (
    <>
      <Anchor component={Link} to={`/organisations/${organisation.slug}`}>
        {organisation.name}
      </Anchor>
      {withDetails && details.length > 0 && (
        <Text component="span" size="sm" c="dimmed">
          {' '}
          ({details.join(', ')})
        </Text>
      )}
    </>
  );
}

/** A source of facts: its title, linked when it has an address. */
export function SourceLink({ source }: { source: Schemas['SourceSummary'] }) {
  return source.url ? <Anchor href={source.url}>{source.title}</Anchor> : <span>{source.title}</span>;
}

/** A link to a page of the app. */
export function PageLink({ to, children }: { to: string; children: React.ReactNode }) {
  return (
    <Anchor component={Link} to={to}>
      {children}
    </Anchor>
  );
}
