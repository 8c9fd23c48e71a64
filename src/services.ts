import { createAccessService } from './modules/access/access.service.js';
import { createAccountsService } from './modules/accounts/accounts.service.js';
import { createSessionsService } from './modules/accounts/sessions.service.js';
import { createUsersService } from './modules/accounts/users.service.js';
import { createActivitiesService } from './modules/activities/activities.service.js';
import { createBackupService } from './modules/backup/backup.service.js';
import { createAuditService } from './modules/audit/audit.service.js';
import { createConfirmationService } from './modules/confirmation/confirmation.service.js';
import { createContactsService } from './modules/contacts/contacts.service.js';
import { createGazetteerService } from './modules/gazetteer/gazetteer.service.js';
import { createCandidatesService } from './modules/initiatives/candidates.service.js';
import { createInitiativesService } from './modules/initiatives/initiatives.service.js';
import { createInterestsService } from './modules/interests/interests.service.js';
import { createMatchingService } from './modules/matching/matching.service.js';
import { createMembershipsService } from './modules/memberships/memberships.service.js';
import { createNotificationJobs } from './modules/notifications/notifications.jobs.js';
import { createNotificationsService } from './modules/notifications/notifications.service.js';
import { createOrganisationsService } from './modules/organisations/organisations.service.js';
import { createPartnershipsService } from './modules/partnerships/partnerships.service.js';
import { createPlacesService } from './modules/places/places.service.js';
import { createProgrammesService } from './modules/programmes/programmes.service.js';
import { createProjectPartnersService } from './modules/projects/project-partners.service.js';
import { createProjectsService } from './modules/projects/projects.service.js';
import { createRelationsService } from './modules/relations/relations.service.js';
import { createSearchService } from './modules/search/search.service.js';
import { createSourcesService } from './modules/sources/sources.service.js';
import { createThemesService } from './modules/themes/themes.service.js';
import { usesSecureCookies } from './platform/config.js';
import type { Database } from './platform/db/database.js';
import { createMailer, type Mailer } from './platform/mail.js';

export interface ServicesOptions {
  /** How mail leaves; by default there is no way, and sending fails. */
  mailer?: Mailer;
  /** The web app's address (`POBRATIM_PUBLIC_URL`): links in mails, and whether cookies are Secure. */
  publicUrl?: string;
}

/** Every use case of the application, built once over one database; routes, CLI and jobs share them. */
export function createServices(database: Database, options: ServicesOptions = {}) {
  const organisations = createOrganisationsService(database);
  const memberships = createMembershipsService(database);
  const partnerships = createPartnershipsService(database);
  const projects = createProjectsService(database);
  const access = createAccessService(database);
  const sessions = createSessionsService(database);
  const mailer = options.mailer ?? createMailer({ from: 'Pobratim <no-reply@localhost>' });
  const publicUrl = options.publicUrl ?? 'http://localhost:3000';
  const matching = createMatchingService(database);
  return {
    access,
    sessions,
    mailer,
    accounts: createAccountsService(database, access, sessions, {
      mailer,
      publicUrl,
      secureCookies: usesSecureCookies(publicUrl),
    }),
    users: createUsersService(database, mailer),
    organisations,
    relations: createRelationsService(database),
    memberships,
    partnerships,
    projects,
    projectPartners: createProjectPartnersService(database, projects),
    confirmation: createConfirmationService(database, { partnerships, memberships, projects }),
    activities: createActivitiesService(database),
    programmes: createProgrammesService(database),
    themes: createThemesService(database),
    sources: createSourcesService(database),
    search: createSearchService(database),
    places: createPlacesService(database, organisations),
    gazetteer: createGazetteerService(database),
    matching,
    contacts: createContactsService(database, access),
    audit: createAuditService(database, access),
    initiatives: createInitiativesService(database),
    interests: createInterestsService(database),
    candidates: createCandidatesService(database, matching),
    notifications: createNotificationsService(database),
    backup: createBackupService(database),
    /** Deadline reminders and the e-mail outbox: run by `pobratim serve` on a timer, or `pobratim jobs run`. */
    notificationJobs: createNotificationJobs({ database, mailer, publicUrl }),
  };
}

export type Services = ReturnType<typeof createServices>;
