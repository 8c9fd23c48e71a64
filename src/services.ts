import type { Database } from './platform/db/database.js';
import { createOrganisationsService } from './modules/organisations/organisations.service.js';

/** Every use case of the application, built once over one database; routes, CLI and jobs share them. */
export function createServices(database: Database) {
  return {
    organisations: createOrganisationsService(database),
  };
}

export type Services = ReturnType<typeof createServices>;
