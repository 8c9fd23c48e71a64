import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import type { Schemas } from '../api/client';
import type { MessageId } from '../i18n/messages';

type Values<T> = readonly NonNullable<T>[];
type Element<T> = T extends readonly (infer E)[] ? E : never;

/**
 * The registry's controlled vocabularies, as the API's schemas type them; each value has a message
 * `vocab.<group>.<value>` in every catalogue (a test compares these lists with src/domain/vocabulary.ts).
 */
export const vocabularies = {
  organisationKind: [
    'municipality',
    'city',
    'county',
    'region',
    'association',
    'network',
    'institution',
    'programme_body',
    'ngo',
    'other',
  ] satisfies Values<Schemas['OrganisationCreate']['kind']>,
  nameKind: ['official', 'exonym', 'short', 'former', 'alias'] satisfies Values<
    Element<Schemas['OrganisationCreate']['names']>['kind']
  >,
  membershipRole: [
    'member',
    'founding_member',
    'associate_member',
    'observer',
    'board_member',
    'president',
    'vice_president',
    'secretariat',
    'other',
  ] satisfies Values<Schemas['MembershipCreate']['role']>,
  partnershipType: [
    'twinning',
    'friendship',
    'cooperation_agreement',
    'memorandum',
    'cross_border',
    'decentralised',
    'project_based',
    'experience_exchange',
    'other',
  ] satisfies Values<Schemas['PartnershipCreate']['type']>,
  partnershipStatus: ['proposed', 'negotiating', 'signed', 'active', 'dormant', 'ended'] satisfies Values<
    Schemas['PartnershipCreate']['status']
  >,
  projectStatus: [
    'planned',
    'submitted',
    'approved',
    'ongoing',
    'completed',
    'rejected',
    'cancelled',
  ] satisfies Values<Schemas['ProjectCreate']['status']>,
  projectPartnerRole: ['lead', 'partner', 'associate'] satisfies Values<
    Element<Schemas['ProjectCreate']['partners']>['role']
  >,
  activityType: [
    'study_visit',
    'delegation',
    'conference',
    'meeting',
    'working_group_meeting',
    'expert_exchange',
    'training',
    'event',
    'humanitarian_aid',
    'other',
  ] satisfies Values<Schemas['ActivityCreate']['type']>,
  activityParticipantRole: [
    'host',
    'organiser',
    'participant',
    'moderator',
    'speaker',
    'funder',
  ] satisfies Values<Element<Schemas['ActivityCreate']['participants']>['role']>,
  themeTaxonomy: ['zagreb_2022', 'eu_cohesion_2021_2027', 'sdg', 'custom'] satisfies Values<
    Schemas['ThemeCreate']['taxonomy']
  >,
};

export type VocabularyGroup = keyof typeof vocabularies;

/** Translates a vocabulary value; a value the catalogue does not know is shown as it is. */
export type VocabularyLabels = Record<VocabularyGroup, (value: string) => string>;

export function useVocabulary(): VocabularyLabels {
  const intl = useIntl();
  return useMemo(() => {
    const labelOf = (group: VocabularyGroup) => (value: string) => {
      const id = `vocab.${group}.${value}`;
      return id in intl.messages ? intl.formatMessage({ id: id as MessageId }) : value.replaceAll('_', ' ');
    };
    return Object.fromEntries(
      Object.keys(vocabularies).map((group) => [group, labelOf(group as VocabularyGroup)]),
    ) as VocabularyLabels;
  }, [intl]);
}
