/**
 * The controlled vocabularies of the registry. They are the single source for the database check
 * constraints (see migrations), the API schemas and the web app's labels.
 */

/** Every kind of actor. The first four are authorities (local or regional governments). */
export const organisationKinds = [
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
] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

/** Authorities are local or regional governments. */
export const authorityKinds: readonly OrganisationKind[] = ['municipality', 'city', 'county', 'region'];

/** Whether an organisation kind is a local or regional government. */
export function isAuthorityKind(kind: OrganisationKind): boolean {
  return authorityKinds.includes(kind);
}

export const nameKinds = ['official', 'exonym', 'short', 'former', 'alias'] as const;
export type NameKind = (typeof nameKinds)[number];

export const membershipRoles = [
  'member',
  'founding_member',
  'associate_member',
  'observer',
  'board_member',
  'president',
  'vice_president',
  'secretariat',
  'other',
] as const;
export type MembershipRole = (typeof membershipRoles)[number];

/**
 * Bilateral ties. Besides the agreement types of ARCHITECTURE.md, the forms of bilateral cooperation the
 * Serbian law on local self-government names (decentralised, project-based) and plain exchange of
 * experience, as Zagreb reports it.
 */
export const partnershipTypes = [
  'twinning',
  'friendship',
  'cooperation_agreement',
  'memorandum',
  'cross_border',
  'decentralised',
  'project_based',
  'experience_exchange',
  'other',
] as const;
export type PartnershipType = (typeof partnershipTypes)[number];

export const partnershipStatuses = [
  'proposed',
  'negotiating',
  'signed',
  'active',
  'dormant',
  'ended',
] as const;
export type PartnershipStatus = (typeof partnershipStatuses)[number];

export const projectStatuses = [
  'planned',
  'submitted',
  'approved',
  'ongoing',
  'completed',
  'rejected',
  'cancelled',
] as const;
export type ProjectStatus = (typeof projectStatuses)[number];

export const projectPartnerRoles = ['lead', 'partner', 'associate'] as const;
export type ProjectPartnerRole = (typeof projectPartnerRoles)[number];

export const activityTypes = [
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
] as const;
export type ActivityType = (typeof activityTypes)[number];

export const activityParticipantRoles = [
  'host',
  'organiser',
  'participant',
  'moderator',
  'speaker',
  'funder',
] as const;
export type ActivityParticipantRole = (typeof activityParticipantRoles)[number];

export const themeTaxonomies = ['zagreb_2022', 'eu_cohesion_2021_2027', 'sdg', 'custom'] as const;
export type ThemeTaxonomy = (typeof themeTaxonomies)[number];

export const sourceKinds = ['web_page', 'document', 'decision', 'dataset', 'person', 'other'] as const;
export type SourceKind = (typeof sourceKinds)[number];
