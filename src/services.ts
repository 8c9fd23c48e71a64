import { createActivitiesService } from './modules/activities/activities.service.js';
import { createGazetteerService } from './modules/gazetteer/gazetteer.service.js';
import { createMembershipsService } from './modules/memberships/memberships.service.js';
import { createOrganisationsService } from './modules/organisations/organisations.service.js';
import { createPartnershipsService } from './modules/partnerships/partnerships.service.js';
import { createPlacesService } from './modules/places/places.service.js';
import { createProgrammesService } from './modules/programmes/programmes.service.js';
import { createProjectsService } from './modules/projects/projects.service.js';
import { createRelationsService } from './modules/relations/relations.service.js';
import { createSearchService } from './modules/search/search.service.js';
import { createSourcesService } from './modules/sources/sources.service.js';
import { createThemesService } from './modules/themes/themes.service.js';
import type { Database } from './platform/db/database.js';

/** Every use case of the application, built once over one database; routes, CLI and jobs share them. */
export function createServices(database: Database) {
  const organisations = createOrganisationsService(database);
  return {
    organisations,
    relations: createRelationsService(database),
    memberships: createMembershipsService(database),
    partnerships: createPartnershipsService(database),
    projects: createProjectsService(database),
    activities: createActivitiesService(database),
    programmes: createProgrammesService(database),
    themes: createThemesService(database),
    sources: createSourcesService(database),
    search: createSearchService(database),
    places: createPlacesService(database, organisations),
    gazetteer: createGazetteerService(database),
  };
}

export type Services = ReturnType<typeof createServices>;
