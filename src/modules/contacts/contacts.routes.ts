import { Type } from '@sinclair/typebox';
import type { App } from '../../platform/http/app-types.js';
import { DeleteQuery } from '../../platform/http/delete-query.js';
import { IdParams, problemResponses } from '../../platform/http/schemas.js';
import { writersOfNew, writersOfRecord } from '../access/access.policies.js';
import type { AccessService } from '../access/access.service.js';
import { Contact, ContactCreate, ContactExport, ContactList, ContactUpdate } from './contacts.schemas.js';
import type { ContactsService } from './contacts.service.js';

const tags = ['contacts'];

interface Dependencies {
  contacts: ContactsService;
  access: AccessService;
}

/** Contact persons of organisations: personal data, for the organisation's people only. */
export function contactsRoutes(app: App, { contacts, access }: Dependencies): void {
  /** Writers of the contact's organisation, deciding on the version they read. */
  const organisationWriters = writersOfRecord(access, {
    entity: 'contact',
    load: ({ request }) => contacts.locate((request.params as { id: string }).id),
    organisationsOf: (contact) => [contact.organisationId],
  });

  app.get('/api/organisations/:id/contacts', {
    schema: {
      operationId: 'listContacts',
      summary: "List an organisation's contact persons",
      description:
        'Personal data: for administrators, people with any role for the organisation and coordinators of ' +
        'an association it belongs to. Never for anonymous visitors.',
      tags,
      params: IdParams,
      response: { 200: Type.Ref(ContactList), ...problemResponses(400, 401, 403, 404) },
    },
    handler: (request) => contacts.list(request.actor, request.params.id),
  });

  app.post('/api/organisations/:id/contacts', {
    config: {
      policy: writersOfNew(access, (request) => [(request.params as { id: string }).id.toLowerCase()]),
    },
    schema: {
      operationId: 'createContact',
      summary: 'Add a contact person',
      description: 'For those who write for the organisation.',
      tags,
      params: IdParams,
      body: Type.Ref(ContactCreate),
      response: { 201: Type.Ref(Contact), ...problemResponses(400, 401, 403, 404) },
    },
    handler: async (request, reply) => {
      const contact = await contacts.create(request.actor, request.params.id, request.body as ContactCreate);
      return reply.status(201).header('etag', `"${contact.version}"`).send(contact);
    },
  });

  app.patch('/api/contacts/:id', {
    config: { policy: organisationWriters },
    schema: {
      operationId: 'updateContact',
      summary: 'Change a contact person',
      description: 'Send the `version` you read; if someone changed the contact since, the answer is 409.',
      tags,
      params: IdParams,
      body: Type.Ref(ContactUpdate),
      response: { 200: Type.Ref(Contact), ...problemResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request, reply) => {
      const contact = await contacts.update(request.actor, request.params.id, request.body as ContactUpdate);
      return reply.header('etag', `"${contact.version}"`).send(contact);
    },
  });

  app.delete('/api/contacts/:id', {
    config: { policy: organisationWriters },
    schema: {
      operationId: 'deleteContact',
      summary: 'Remove a contact person',
      description:
        'Removes the record; its audit events stay. To remove the personal data from the audit trail as ' +
        'well, erase the contact instead.',
      tags,
      params: IdParams,
      querystring: DeleteQuery,
      response: {
        204: { description: 'Removed', type: 'null' },
        ...problemResponses(400, 401, 403, 404, 409),
      },
    },
    handler: async (request, reply) => {
      await contacts.remove(request.actor, request.params.id, request.query.version);
      return reply.status(204).send();
    },
  });

  app.get('/api/contacts/:id/export', {
    schema: {
      operationId: 'exportContact',
      summary: 'Export the personal data held about a contact person',
      description:
        'Everything held about the person as a JSON download: the contact record and every audit event ' +
        'about it. For those who write for the organisation, to answer a request for access.',
      tags,
      params: IdParams,
      response: { 200: Type.Ref(ContactExport), ...problemResponses(400, 401, 403, 404) },
    },
    handler: async (request, reply) => {
      const data = await contacts.exportData(request.actor, request.params.id);
      return reply
        .header('content-disposition', `attachment; filename="contact-${request.params.id}.json"`)
        .send(data);
    },
  });

  app.post('/api/contacts/:id/erase', {
    config: { policy: organisationWriters },
    schema: {
      operationId: 'eraseContact',
      summary: "Erase a contact person's data",
      description:
        'Answers a request for erasure: in one transaction the name, email, phone and notes are removed ' +
        'from the record and from every audit event about it, and the erasure itself is audited (without ' +
        'the erased data). It cannot be undone.',
      tags,
      params: IdParams,
      response: { 200: Type.Ref(Contact), ...problemResponses(400, 401, 403, 404) },
    },
    handler: (request) => contacts.erase(request.actor, request.params.id),
  });
}
