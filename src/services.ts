import type { Database } from './platform/db/database.js';
import { createOrganisationsService } from './modules/organisations/organisations.service.js';
import { createProjectsService } from './modules/projects/projects.service.js';
import { createActivitiesService } from './modules/activities/activities.service.js';
import { createProgrammesService } from './modules/programmes/programmes.service.js';
import { createRelationsService } from './modules/relations/relations.service.js';
import { createSourcesService } from './modules/sources/sources.service.js';
import { createThemesService } from './modules/themes/themes.service.js';
import { createMembershipsService } from './modules/memberships/memberships.service.js';
import { createPartnershipsService } from './modules/partnerships/partnerships.service.js';

/** Every use case of the application, built once over one database; routes, CLI and jobs share them. */
export function createServices(database: Database) {
  return {
    organisations: createOrganisationsService(database),
    projects: createProjectsService(database),
    activities: createActivitiesService(database),
    sources: createSourcesService(database),
    themes: createThemesService(database),
    programmes: createProgrammesService(database),
    relations: createRelationsService(database),
    memberships: createMembershipsService(database),
    partnerships: createPartnershipsService(database),
  };
}

export type Services = ReturnType<typeof createServices>;
