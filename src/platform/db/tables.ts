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

export interface UsersTable {
  id: string;
  email: string;
  displayName: string | null;
  passwordHash: string | null;
  admin: Generated<boolean>;
  status: Generated<'invited' | 'active' | 'disabled'>;
  totpSecret: string | null;
  totpPendingSecret: string | null;
  totpLastTimeStep: number | null;
  /** The language of the mails to this person (a locale of src/domain/mail-messages.ts); null: English. */
  language: string | null;
  version: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface UserRolesTable {
  userId: string;
  organisationId: string;
  role: 'coordinator' | 'editor' | 'viewer';
  createdAt: Timestamp;
}

export interface SessionsTable {
  id: string;
  userId: string;
  tokenHash: string;
  csrfToken: string;
  createdAt: Timestamp;
  lastSeenAt: Timestamp;
  expiresAt: Timestamp;
}

export interface AuthTokensTable {
  id: string;
  userId: string;
  kind: 'password_reset' | 'invitation';
  tokenHash: string;
  expiresAt: Timestamp;
  usedAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  createdAt: Timestamp;
}

export interface LoginFailuresTable {
  id: string;
  emailHash: string;
  failedAt: Timestamp;
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

/** Confirmation by both sides of a relation (migration 0005): see src/domain/confirmation.ts. */
export interface ConfirmationColumns {
  confirmation: Generated<'claimed' | 'confirmed' | 'disputed' | 'reported_by_source'>;
  claimedBy: string | null;
  confirmationNote: string | null;
  confirmationChangedAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface MembershipsTable extends ConfirmationColumns {
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

export interface PartnershipsTable extends ConfirmationColumns {
  id: string;
  organisationAId: string;
  organisationBId: string;
  type: string;
  status: string;
  startedOn: string | null;
  signedOn: string | null;
  endedOn: string | null;
  agreementUrl: string | null;
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

export interface ProjectPartnersTable extends ConfirmationColumns {
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

/** One change to one row, written by the audit trigger (migration 0004); append-only. */
export interface AuditEventsTable {
  id: Generated<number>;
  occurredAt: Timestamp;
  transactionId: Generated<number>;
  /** `user:<uuid>`, `system:<name>` or `public`. */
  actor: string;
  requestId: string | null;
  entity: string;
  entityId: string;
  action: 'insert' | 'update' | 'delete' | 'erase';
  /** The row before and after the change, without secrets (keys camelCased on reading, like columns). */
  before: Json<Record<string, unknown> | null>;
  after: Json<Record<string, unknown> | null>;
  parentEntity: string | null;
  parentId: string | null;
}

/** A person to contact at an organisation: personal data, erasable on request. */
export interface ContactsTable {
  id: string;
  organisationId: string;
  name: string;
  position: Json<LocalisedText>;
  email: string | null;
  phone: string | null;
  notes: string | null;
  erasedAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  version: Version;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface InitiativesTable {
  id: string;
  ownerOrganisationId: string;
  title: Json<LocalisedText>;
  displayTitle: string;
  description: Json<LocalisedText>;
  themes: string[];
  partnerKinds: string[];
  countries: string[];
  populationMin: number | null;
  populationMax: number | null;
  languages: string[];
  partnersWanted: number | null;
  fundingProgramme: string | null;
  call: string | null;
  /** A calendar day, `YYYY-MM-DD`. */
  deadline: string | null;
  visibility: 'public' | 'association' | 'private';
  status: string;
  projectId: string | null;
  searchText: string;
  version: Version;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface InitiativeStatusChangesTable {
  id: string;
  initiativeId: string;
  fromStatus: string | null;
  toStatus: string;
  actor: string;
  note: string | null;
  changedAt: Timestamp;
}

export interface ExpressionsOfInterestTable {
  id: string;
  initiativeId: string;
  organisationId: string;
  message: string;
  status: Generated<'pending' | 'accepted' | 'declined' | 'withdrawn'>;
  responseNote: string | null;
  projectId: string | null;
  partnershipId: string | null;
  answeredAt: Timestamp | null;
  version: Version;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface NotificationsTable {
  id: string;
  userId: string;
  kind: string;
  payload: Json<Record<string, unknown>>;
  readAt: Timestamp | null;
  createdAt: Timestamp;
}

/** The e-mail outbox of notifications. */
export interface NotificationDeliveriesTable {
  id: string;
  notificationId: string;
  attempts: Generated<number>;
  claimedUntil: Timestamp | null;
  sentAt: Timestamp | null;
  lastError: string | null;
  createdAt: Timestamp;
}

export interface ScheduledNoticesTable {
  initiativeId: string;
  kind: string;
  dueOn: string;
  createdAt: Timestamp;
}

export interface SchemaMigrationsTable {
  name: string;
  appliedAt: Generated<Date>;
}

/** Every table, by its SQL name. */
/** The revision of the cooperation graph that partner matching keeps in memory (migration 0007). */
export interface CooperationGraphRevisionTable {
  graph: 'cooperation';
  revision: number;
}

export interface Tables {
  schemaMigrations: SchemaMigrationsTable;
  systemState: SystemStateTable;
  users: UsersTable;
  userRoles: UserRolesTable;
  sessions: SessionsTable;
  authTokens: AuthTokensTable;
  loginFailures: LoginFailuresTable;
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
  auditEvents: AuditEventsTable;
  contacts: ContactsTable;
  initiatives: InitiativesTable;
  initiativeStatusChanges: InitiativeStatusChangesTable;
  expressionsOfInterest: ExpressionsOfInterestTable;
  notifications: NotificationsTable;
  notificationDeliveries: NotificationDeliveriesTable;
  scheduledNotices: ScheduledNoticesTable;
  countries: CountriesTable;
  places: PlacesTable;
  searchTerms: SearchTermsTable;
  cooperationGraphRevision: CooperationGraphRevisionTable;
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
