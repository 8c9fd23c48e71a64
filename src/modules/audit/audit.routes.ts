import { Type } from '@sinclair/typebox';
import type { App } from '../../platform/http/app-types.js';
import { Page, problemResponses } from '../../platform/http/schemas.js';
import { HistoryEvent, HistoryQuery } from './audit.schemas.js';
import type { AuditService } from './audit.service.js';

const tags = ['history'];

/** The history of records, read from the audit trail, which no route can change. */
export function auditRoutes(app: App, { audit }: { audit: AuditService }): void {
  app.get('/api/history', {
    schema: {
      operationId: 'getHistory',
      summary: "A record's history",
      description:
        'Every change to the record and to its parts (an organisation’s names, a project’s partners), newest ' +
        'first, with who made it and what each changed field was before and after. Anonymous readers see ' +
        'what kind of actor made a change, not who. The history of contact persons is for those who may ' +
        'read them; that of users, for administrators.',
      tags,
      querystring: HistoryQuery,
      response: { 200: Page(Type.Ref(HistoryEvent), 'HistoryEvent'), ...problemResponses(400, 401, 403) },
    },
    handler: (request) => audit.history(request.actor, request.query),
  });
}
