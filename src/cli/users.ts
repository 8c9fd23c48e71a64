import type { Command } from 'commander';
import { organisationRoles, systemActor, type OrganisationGrant } from '../platform/actor.js';
import type { Database } from '../platform/db/database.js';
import { AppError } from '../platform/errors.js';
import { withRuntime } from './runtime.js';

const actor = systemActor('cli');

/** Reads the whole of standard input; a final line break is not part of the password. */
async function readStandardInput(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** The accounts service as the CLI uses it: it sends no mail and opens no session. */
async function accountsFor(database: Database) {
  const [{ createAccessService }, { createAccountsService }, { createSessionsService }, { createMailer }] =
    await Promise.all([
      import('../modules/access/access.service.js'),
      import('../modules/accounts/accounts.service.js'),
      import('../modules/accounts/sessions.service.js'),
      import('../platform/mail.js'),
    ]);
  return createAccountsService(database, createAccessService(database), createSessionsService(database), {
    mailer: createMailer({ from: 'Pobratim <no-reply@localhost>' }),
    publicUrl: 'http://localhost',
    secureCookies: false,
  });
}

interface CreateOptions {
  email: string;
  passwordStdin?: boolean;
  role?: string;
  organisation?: string;
  name?: string;
}

/** `pobratim user ...`: accounts made by an operator. */
export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('Accounts: make users from the command line.');

  user
    .command('create')
    .description(
      'Make an active account with a password read from standard input, e.g. ' +
        '`printf %s "$PASSWORD" | pobratim user create --email admin@example.org --password-stdin --role admin`.',
    )
    .requiredOption('--email <email>', 'the mail address the person signs in with')
    .option(
      '--password-stdin',
      'read the password from standard input (required: never pass it as an argument)',
    )
    .option('--role <role>', `admin, or a role for --organisation: ${organisationRoles.join(', ')}`)
    .option('--organisation <slugOrId>', 'the organisation the role is for')
    .option('--name <name>', 'the name shown for the person')
    .action(async (options: CreateOptions) => {
      if (!options.passwordStdin) {
        throw new AppError(
          'cli.password_stdin',
          2,
          'Give the password on standard input with --password-stdin.',
        );
      }
      const role = options.role;
      if (role !== undefined && role !== 'admin' && !organisationRoles.includes(role as never)) {
        throw new AppError(
          'cli.role',
          2,
          `--role must be admin, ${organisationRoles.join(', ')}; got "${role}".`,
        );
      }
      if (role !== undefined && role !== 'admin' && !options.organisation) {
        throw new AppError('cli.organisation', 2, `--role ${role} needs --organisation (a slug or an id).`);
      }
      if ((role === undefined || role === 'admin') && options.organisation) {
        throw new AppError(
          'cli.organisation',
          2,
          '--organisation needs --role coordinator, editor or viewer.',
        );
      }
      const password = await readStandardInput();
      await withRuntime(async ({ database }) => {
        const grants: OrganisationGrant[] = [];
        if (options.organisation) {
          const { findOrganisation } = await import('../modules/organisations/organisations.repository.js');
          const organisation = await findOrganisation(database.db, options.organisation);
          if (!organisation) {
            throw new AppError('cli.organisation', 2, `No organisation "${options.organisation}".`);
          }
          grants.push({ organisationId: organisation.id, role: role as OrganisationGrant['role'] });
        }
        const created = await (
          await accountsFor(database)
        ).createUser(actor, {
          email: options.email,
          password,
          admin: role === 'admin',
          grants,
          displayName: options.name,
        });
        const what =
          role === 'admin' ? 'an administrator' : role ? `${role} of ${options.organisation}` : 'no role yet';
        console.log(`Created user ${created.email} (${created.id}), ${what}.`);
      });
    });
}
