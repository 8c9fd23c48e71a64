import type { Actor } from '../../platform/actor.js';
import type { Database, Executor } from '../../platform/db/database.js';
import { assertCurrentVersion, inTransaction, type PageResult } from '../../platform/db/helpers.js';
import { AppError, assertNoFieldErrors } from '../../platform/errors.js';
import type { Mailer } from '../../platform/mail.js';
import {
  countOtherActiveAdmins,
  findGrants,
  findUser,
  listUsers,
  readSecuritySettings,
  replaceGrants,
  updateUser,
  writeSecuritySettings,
  type UserRow,
} from './accounts.repository.js';
import type {
  Outbox,
  SecuritySettings,
  User,
  UserListQuery,
  UserRolesUpdate,
  UserUpdate,
} from './accounts.schemas.js';
import { checkGrants, presentGrants, requireAdmin } from './accounts.service.js';
import { deleteUserSessions } from './sessions.repository.js';

const entity = 'user';

async function present(db: Executor, rows: UserRow[]): Promise<User[]> {
  const grants = await findGrants(
    db,
    rows.map((row) => row.id),
  );
  return Promise.all(
    rows.map(async (row) => ({
      id: row.id,
      email: row.email,
      displayName: row.displayName,
      admin: row.admin,
      status: row.status,
      twoFactorEnabled: row.totpSecret !== null,
      grants: await presentGrants(db, grants.get(row.id) ?? []),
      version: row.version,
      createdAt: row.createdAt.toISOString(),
    })),
  );
}

const lastAdmin = () =>
  new AppError(
    'user.last_admin',
    409,
    'This is the last active administrator: make someone else an administrator first.',
  );

/** What administrators do with accounts: list them, change and disable them, set roles and security settings. */
export function createUsersService(database: Database, mailer: Mailer) {
  return {
    async list(actor: Actor, query: UserListQuery): Promise<PageResult<User>> {
      requireAdmin(actor);
      const page = await listUsers(database.db, query);
      return { ...page, items: await present(database.db, page.items) };
    },

    /**
     * Changes a user. Disabling ends their sessions; `twoFactorEnabled: false` removes their two-factor
     * authentication; the last active administrator cannot be demoted or disabled.
     */
    async update(actor: Actor, id: string, input: UserUpdate): Promise<User> {
      requireAdmin(actor);
      return inTransaction(database, actor, async (trx) => {
        const row = assertCurrentVersion(
          entity,
          id,
          await findUser(trx, id, { forUpdate: true }),
          input.version,
        );
        const losesAdmin =
          row.admin && row.status === 'active' && (input.admin === false || input.status === 'disabled');
        if (losesAdmin && (await countOtherActiveAdmins(trx, id)) === 0) throw lastAdmin();
        if (input.status === 'active' && row.status === 'invited') {
          throw new AppError(
            'user.invitation_pending',
            409,
            'This person has not accepted the invitation yet; they become active by accepting it.',
          );
        }
        const updated = await updateUser(trx, id, {
          ...(input.admin === undefined ? {} : { admin: input.admin }),
          ...(input.status === undefined ? {} : { status: input.status }),
          ...(input.displayName === undefined ? {} : { displayName: input.displayName.trim() }),
          ...(input.twoFactorEnabled === false
            ? { totpSecret: null, totpPendingSecret: null, totpLastTimeStep: null }
            : {}),
        });
        if (updated.status === 'disabled') await deleteUserSessions(trx, id);
        const [user] = await present(trx, [updated]);
        return user!;
      });
    },

    /** Replaces a user's roles; they apply from the user's next request. */
    async setRoles(actor: Actor, id: string, input: UserRolesUpdate): Promise<User> {
      requireAdmin(actor);
      return inTransaction(database, actor, async (trx) => {
        assertCurrentVersion(entity, id, await findUser(trx, id, { forUpdate: true }), input.version);
        assertNoFieldErrors(entity, await checkGrants(trx, input.grants));
        await replaceGrants(trx, id, input.grants);
        const [user] = await present(trx, [await updateUser(trx, id, {})]);
        return user!;
      });
    },

    async securitySettings(actor: Actor): Promise<SecuritySettings> {
      requireAdmin(actor);
      return readSecuritySettings(database.db);
    },

    async updateSecuritySettings(actor: Actor, input: SecuritySettings): Promise<SecuritySettings> {
      requireAdmin(actor);
      return inTransaction(database, actor, async (trx) => {
        await writeSecuritySettings(trx, input);
        return readSecuritySettings(trx);
      });
    },

    /** The newest mails written to the outbox folder (only while no SMTP server is configured). */
    async outbox(actor: Actor): Promise<Outbox> {
      requireAdmin(actor);
      return { items: await mailer.listOutbox(100) };
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
