import { queryOptions } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from './client';

export type Contact = Schemas['Contact'];

/** The contact persons of an organisation: personal data, for the organisation's people only. */
export const contactsQuery = (organisationId: string) =>
  queryOptions({
    queryKey: ['contacts', organisationId] as const,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/organisations/{id}/contacts', { params: { path: { id: organisationId } }, signal }),
      ),
  });

export const contactWrites = {
  create: (organisationId: string, body: Schemas['ContactCreate']) =>
    unwrap(api.POST('/api/organisations/{id}/contacts', { params: { path: { id: organisationId } }, body })),
  update: (id: string, body: Schemas['ContactUpdate']) =>
    unwrap(api.PATCH('/api/contacts/{id}', { params: { path: { id } }, body })),
  erase: (id: string) => unwrap(api.POST('/api/contacts/{id}/erase', { params: { path: { id } } })),
  /** Everything held about the person, as the JSON document the server exports. */
  exportData: (id: string) => unwrap(api.GET('/api/contacts/{id}/export', { params: { path: { id } } })),
};
