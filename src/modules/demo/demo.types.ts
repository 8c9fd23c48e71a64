import type {
  ActivityParticipantRole,
  ActivityType,
  MembershipRole,
  NameKind,
  OrganisationKind,
  PartnershipStatus,
  PartnershipType,
  ProjectPartnerRole,
  ProjectStatus,
  SourceKind,
  ThemeTaxonomy,
} from '../../domain/vocabulary.js';

/**
 * The shape of the demo data set: every fact of the five seed documents, with records referring to each
 * other by readable keys (organisation slugs, source keys, theme codes) instead of database ids.
 */

/** Text in several languages, keyed by BCP 47 language tag (`en`, `hr`, `sr-Cyrl`, `bg`, `sl`). */
export type DemoText = Record<string, string>;

/** A partial ISO 8601 date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export type DemoDate = string;

export interface DemoSource {
  key: string;
  kind: SourceKind;
  title: string;
  url?: string;
  language?: string;
  publisher?: string;
  publishedOn?: DemoDate;
  notes?: string;
}

export interface DemoTheme {
  code: string;
  taxonomy: ThemeTaxonomy;
  position: number;
  labels: DemoText;
  source: string;
}

export interface DemoName {
  name: string;
  /** ISO 639-1 language code (`en`, `hr`, `sr`, `bg`, `sl`, `de` ...). */
  language: string;
  /** ISO 15924 script; derived from the name when omitted. */
  script?: 'Latn' | 'Cyrl' | 'Grek';
  kind: NameKind;
}

export interface DemoOrganisation {
  /** The slug, unique and readable: `zagreb`, `energy-cities`. */
  key: string;
  kind: OrganisationKind;
  /** ISO 3166-1 alpha-2; absent for international bodies. */
  country?: string;
  names: DemoName[];
  lauCode?: string;
  nutsCode?: string;
  geonamesId?: number;
  wikidataId?: string;
  population?: number;
  latitude?: number;
  longitude?: number;
  website?: string;
  foundedOn?: DemoDate;
  description?: DemoText;
  themes?: string[];
  /** The source of the organisation's facts (seed document or GeoNames). */
  source: string;
}

export interface DemoMembership {
  member: string;
  organisation: string;
  role: MembershipRole;
  since?: DemoDate;
  until?: DemoDate;
  description?: DemoText;
  source: string;
}

export interface DemoPartnership {
  a: string;
  b: string;
  type: PartnershipType;
  status: PartnershipStatus;
  startedOn?: DemoDate;
  signedOn?: DemoDate;
  endedOn?: DemoDate;
  description?: DemoText;
  themes?: string[];
  source: string;
}

export interface DemoProjectPartner {
  organisation: string;
  role: ProjectPartnerRole;
  /** Exact decimal as a string, e.g. `72075.00`. */
  budget?: string;
  currency?: string;
  /** Percentage 0-100 as a decimal string, e.g. `80`. */
  coFinancingRate?: string;
  coFinancingFund?: string;
}

export interface DemoProject {
  key: string;
  title: DemoText;
  acronym?: string;
  programme: string;
  call?: string;
  fund?: string;
  status: ProjectStatus;
  startsOn?: DemoDate;
  endsOn?: DemoDate;
  durationMonths?: number;
  objectives?: DemoText;
  expectedResults?: DemoText;
  description?: DemoText;
  themes?: string[];
  partners: DemoProjectPartner[];
  source: string;
}

export interface DemoActivityParticipant {
  organisation: string;
  role: ActivityParticipantRole;
}

export interface DemoActivity {
  type: ActivityType;
  title: DemoText;
  description?: DemoText;
  startsOn?: DemoDate;
  endsOn?: DemoDate;
  placeName?: string;
  country?: string;
  outcomes?: DemoText;
  themes?: string[];
  /** Key of the project the activity belongs to, if any. */
  project?: string;
  participants: DemoActivityParticipant[];
  source: string;
}

/** An annual programme of international cooperation adopted by an authority. */
export interface DemoProgramme {
  organisation: string;
  year: number;
  title: DemoText;
  adoptedBy?: DemoText;
  adoptedOn?: DemoDate;
  decision?: DemoText;
  /** Theme codes of the programme's areas, in the order the programme lists them. */
  areas: string[];
  description?: DemoText;
  source: string;
}

export interface DemoData {
  sources: DemoSource[];
  themes: DemoTheme[];
  organisations: DemoOrganisation[];
  memberships: DemoMembership[];
  partnerships: DemoPartnership[];
  projects: DemoProject[];
  activities: DemoActivity[];
  programmes: DemoProgramme[];
}
