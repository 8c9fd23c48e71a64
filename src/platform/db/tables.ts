import type { ColumnType, Generated, Insertable, JSONColumnType, Selectable } from 'kysely';

/**
 * The database as Kysely sees it. Column names are camelCase here and snake_case in SQL; the
 * CamelCasePlugin translates. Keep in step with the files in migrations/.
 */

/** Text per language, e.g. `{ "en": "Vienna", "hr": "Beč" }`. */
export type LocalisedText = Record<string, string>;

type Json<T extends object | null> = JSONColumnType<T, T, T>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** numeric columns: node-postgres returns them as strings, which keeps them exact. */
type Decimal = ColumnType<string, string | number, string | number>;
type Version = ColumnType<number, number | undefined, number>;

export interface SystemStateTable {
  key: string;
  value: Json<Record<string, unknown>>;
  updatedAt: Timestamp;
}

export interface SourcesTable {
  id: string;
  key: string | null;
  kind: string;
  title: string;
  url: string | null;
  language: string | null;
  publisher: string | null;
  publishedOn: string | null;
  notes: string | null;
  searchText: string;
  version: Version;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface ThemesTable {
  id: string;
  code: string;
  taxonomy: string;
  position: number;
  labels: Json<LocalisedText>;
  sourceId: string | null;
  searchText: string;
  version: Version;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface OrganisationsTable {
  id: string;
  slug: string;
  kind: string;
  displayName: string;
  country: string | null;
  lauCode: string | null;
  nutsCode: string | null;
  geonamesId: number | null;
  wikidataId: string | null;
  population: number | null;
  latitude: number | null;
  longitude: number | null;
  website: string | null;
  foundedOn: string | null;
  description: Json<LocalisedText>;
  themes: string[];
  sourceId: string | null;
  searchText: string;
  version: Version;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface NamesTable {
  id: string;
  organisationId: string;
  name: string;
  language: string;
  script: string;
  kind: string;
  searchKey: string;
  position: number;
}

export interface MembershipsTable {
  id: string;
  memberId: string;
  organisationId: string;
  role: string;
  since: string | null;
  until: string | null;
  description: Json<LocalisedText>;
  sourceId: string | null;
  version: Version;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface PartnershipsTable {
  id: string;
  organisationAId: string;
  organisationBId: string;
  type: string;
  status: string;
  startedOn: string | null;
  signedOn: string | null;
  endedOn: string | null;
  agreementUrl: string | null;
  confirmedByA: boolean;
  confirmedByB: boolean;
  description: Json<LocalisedText>;
  themes: string[];
  sourceId: string | null;
  version: Version;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface ProjectsTable {
  id: string;
  slug: string;
  title: Json<LocalisedText>;
  displayTitle: string;
  acronym: string | null;
  programme: string;
  call: string | null;
  fund: string | null;
  status: string;
  startsOn: string | null;
  endsOn: string | null;
  durationMonths: number | null;
  totalBudget: Decimal | null;
  currency: string;
  objectives: Json<LocalisedText>;
  expectedResults: Json<LocalisedText>;
  description: Json<LocalisedText>;
  themes: string[];
  website: string | null;
  sourceId: string | null;
  searchText: string;
  version: Version;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface ProjectPartnersTable {
  id: string;
  projectId: string;
  organisationId: string;
  role: string;
  budget: Decimal | null;
  currency: string;
  coFinancingRate: Decimal | null;
  coFinancingFund: string | null;
  position: number;
}

export interface ActivitiesTable {
  id: string;
  type: string;
  title: Json<LocalisedText>;
  displayTitle: string;
  description: Json<LocalisedText>;
  startsOn: string | null;
  endsOn: string | null;
  placeName: string | null;
  country: string | null;
  outcomes: Json<LocalisedText>;
  themes: string[];
  projectId: string | null;
  sourceId: string | null;
  searchText: string;
  version: Version;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface ActivityParticipantsTable {
  id: string;
  activityId: string;
  organisationId: string;
  role: string;
  position: number;
}

export interface ProgrammesTable {
  id: string;
  organisationId: string;
  year: number;
  title: Json<LocalisedText>;
  displayTitle: string;
  adoptedBy: Json<LocalisedText>;
  adoptedOn: string | null;
  decision: Json<LocalisedText>;
  areas: string[];
  description: Json<LocalisedText>;
  sourceId: string | null;
  version: Version;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface SchemaMigrationsTable {
  name: string;
  appliedAt: Generated<Date>;
}

/** Every table, by its SQL name. */
export interface Tables {
  schemaMigrations: SchemaMigrationsTable;
  systemState: SystemStateTable;
  sources: SourcesTable;
  themes: ThemesTable;
  organisations: OrganisationsTable;
  names: NamesTable;
  memberships: MembershipsTable;
  partnerships: PartnershipsTable;
  projects: ProjectsTable;
  projectPartners: ProjectPartnersTable;
  activities: ActivitiesTable;
  activityParticipants: ActivityParticipantsTable;
  programmes: ProgrammesTable;
  countries: CountriesTable;
  places: PlacesTable;
  searchTerms: SearchTermsTable;
}

export type OrganisationRow = Selectable<OrganisationsTable>;
export type NewOrganisationRow = Insertable<OrganisationsTable>;

export interface CountriesTable {
  code: string;
  names: Json<LocalisedText>;
}

export interface PlacesTable {
  geonamesId: number;
  name: string;
  nameEn: string | null;
  country: string;
  featureCode: string | null;
  admin1Code: string | null;
  population: number;
  latitude: number;
  longitude: number;
  lauCode: string | null;
  nutsCode: string | null;
}

export type SearchEntityType = 'place' | 'organisation' | 'project' | 'activity';

export interface SearchTermsTable {
  entityType: SearchEntityType;
  entityId: string;
  name: string;
  languages: string[];
  key: string;
  importance: number;
  country: string | null;
}
