/**
 * The accounts every browser journey can use: `global-setup.ts` creates them with the CLI
 * (`pobratim user create`) before the server starts, so tests sign in with these credentials.
 */

export interface E2eUser {
  email: string;
  password: string;
  /** The display name the user menu shows. */
  name: string;
  role: 'admin' | 'coordinator' | 'editor' | 'viewer';
  /** The slug of the organisation of the role (every role but admin has one). */
  organisation?: string;
}

const user = (key: string, name: string, role: E2eUser['role'], organisation?: string): E2eUser => ({
  email: `${key}@pobratim.test`,
  // Long enough for the password rule (12 characters); never used outside these tests.
  password: `e2e passphrase for ${key}`,
  name,
  role,
  ...(organisation ? { organisation } : {}),
});

export const e2eUsers = {
  /** An administrator: may change everything, manages users, reads the outbox. */
  admin: user('admin', 'Ana Administratorka', 'admin'),
  /** The editor of Celje (Slovenia). */
  celjeEditor: user('celje.editor', 'Urška Celjska', 'editor', 'celje'),
  /** The editor of Paris. */
  parisEditor: user('paris.editor', 'Pierre Parisien', 'editor', 'paris'),
  /** The editor of Zagreb. */
  zagrebEditor: user('zagreb.editor', 'Zrinka Zagrebačka', 'editor', 'zagreb'),
  /** The editor of Niš (Serbia). */
  nisEditor: user('nis.editor', 'Nikola Nišlija', 'editor', 'nis'),
  /** A viewer of Zagreb: reads its non-public records, changes nothing. */
  zagrebViewer: user('zagreb.viewer', 'Vesna Viewer', 'viewer', 'zagreb'),
  /** A user kept for the password-reset journey (it changes their password). */
  passwordReset: user('password.reset', 'Petra Passwordreset', 'viewer', 'celje'),
  /** A user kept for the two-factor journey (enrolment changes how they sign in). */
  twoFactor: user('two.factor', 'Tomislav Twofactor', 'editor', 'zagreb'),
} satisfies Record<string, E2eUser>;

export type E2eUserKey = keyof typeof e2eUsers;
