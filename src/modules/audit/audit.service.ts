import { diffPayloads } from '../../domain/audit-diff.js';
import { isAdmin, type Actor } from '../../platform/actor.js';
import type { Database } from '../../platform/db/database.js';
import type { PageResult } from '../../platform/db/helpers.js';
import { AppError } from '../../platform/errors.js';
import type { AccessService } from '../access/access.service.js';
import { mayReadContacts } from '../contacts/contacts.service.js';
import {
  findContactOrganisation,
  findDisplayNames,
  listHistory,
  type AuditEventRow,
} from './audit.repository.js';
import type { HistoryEvent, HistoryQuery } from './audit.schemas.js';

/**
 * Records whose history anyone may read, as the registry itself is public. The history of anything else
 * (users and their roles, and any record kind added later until it is listed here) is for
 * administrators; contact persons' for those who may read them.
 */
const publicEntities: ReadonlySet<string> = new Set([
  'organisation',
  'name',
  'membership',
  'partnership',
  'project',
  'project_partner',
  'activity',
  'activity_participant',
  'programme',
  'theme',
  'source',
]);

/** The audit trail as people read it: the history of one record and its parts. */
export function createAuditService(database: Database, access: AccessService) {
  /** Whether the actor may read the events of `entity` records that belong to `organisationId`. */
  async function mayReadEntity(actor: Actor, entity: string, organisationId: string | undefined) {
    if (publicEntities.has(entity) || isAdmin(actor)) return true;
    if (entity === 'contact' && organisationId) return mayReadContacts(access, actor, organisationId);
    return false;
  }

  function refuse(actor: Actor): never {
    if (actor.kind === 'public') throw new AppError('auth.required', 401, 'Sign in to see this history.');
    throw new AppError('access.denied', 403, 'Your account may not see this history.');
  }

  /** How the actor of an event is shown: users by display name, and only to signed-in readers. */
  async function presentActors(reader: Actor, rows: AuditEventRow[]) {
    const userIds = rows.flatMap((row) => (row.actor.startsWith('user:') ? [row.actor.slice(5)] : []));
    const names =
      reader.kind === 'user' ? await findDisplayNames(database.db, [...new Set(userIds)]) : new Map();
    return (label: string): HistoryEvent['actor'] => {
      const [kind, ...rest] = label.split(':');
      const detail = rest.join(':');
      if (kind === 'user') {
        const displayName = names.get(detail);
        return displayName ? { kind: 'user', displayName } : { kind: 'user' };
      }
      if (kind === 'system') return { kind: 'system', displayName: detail };
      return { kind: 'public' };
    };
  }

  return {
    /** The events of a record and of its parts (an organisation's names and contacts), newest first. */
    async history(actor: Actor, query: HistoryQuery): Promise<PageResult<HistoryEvent>> {
      const { entity, id } = query;
      const owner = entity === 'contact' ? await findContactOrganisation(database.db, id) : undefined;
      if (!(await mayReadEntity(actor, entity, owner))) refuse(actor);
      const children = ['name', 'project_partner', 'activity_participant'];
      if (entity === 'organisation' && (await mayReadEntity(actor, 'contact', id))) children.push('contact');
      if (entity === 'user' && isAdmin(actor)) children.push('user_role');
      const page = await listHistory(database.db, {
        entity,
        id: id.toLowerCase(),
        childEntities: children,
        page: query.page ?? 1,
        pageSize: query.pageSize ?? 20,
      });
      const actorOf = await presentActors(actor, page.items);
      return {
        ...page,
        items: page.items.map((row) => ({
          id: row.id,
          occurredAt: row.occurredAt.toISOString(),
          action: row.action,
          entity: row.entity,
          entityId: row.entityId,
          actor: actorOf(row.actor),
          // A part's reference to its parent says nothing the history does not show already.
          changes: diffPayloads(row.before, row.after).filter(
            (change) => !row.parentId || (change.before !== row.parentId && change.after !== row.parentId),
          ),
        })),
      };
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
