import { Type, type Static } from '@sinclair/typebox';
import { mailLocales } from '../../domain/mail-messages.js';
import { maxPasswordLength } from '../../domain/password.js';
import { Nullable, PageQuery, Uuid, Version } from '../../platform/http/schemas.js';
import { OrganisationSummary } from '../organisations/organisations.schemas.js';

const Email = Type.String({
  minLength: 3,
  maxLength: 320,
  pattern: '^[^\\s@]+@[^\\s@]+$',
  description: 'Mail address; compared without regard to case.',
});

/** A password as sent: rules beyond the length cap (at least 12 characters) give field errors. */
const Password = Type.String({
  minLength: 1,
  // Characters may take up to four UTF-16 units each; the rule counts characters.
  maxLength: maxPasswordLength * 2,
  description: 'At least 12 characters; a passphrase is best.',
});

const TotpCode = Type.String({
  pattern: '^[0-9]{6}$',
  description: 'The 6-digit code the authenticator app shows.',
});

/** A single-use token from a link in a mail. */
const MailToken = Type.String({ minLength: 20, maxLength: 200, pattern: '^[A-Za-z0-9_-]+$' });

const DisplayName = Type.String({ minLength: 1, maxLength: 200 });

/** A language of mails: one of the web app's interface languages. */
const mailLanguage = (description: string) =>
  Type.Union(
    mailLocales.map((locale) => Type.Literal(locale)),
    { description },
  );

const MailLanguage = mailLanguage(
  'The interface language the person reads Pobratim in (`sr-Latn` and `sr-Cyrl` for Serbian in each script); ' +
    'the mails to them are written in it. Unknown means English.',
);

export const OrganisationRole = Type.Union(
  [Type.Literal('coordinator'), Type.Literal('editor'), Type.Literal('viewer')],
  {
    description:
      "`coordinator`: acts for the organisation and, for an association, for its current members; `editor`: acts for the organisation; `viewer`: reads the organisation's non-public records.",
  },
);

export const GrantInput = Type.Object(
  { organisationId: Uuid, role: OrganisationRole },
  { additionalProperties: false, $id: 'GrantInput', title: 'Role for an organisation' },
);
export type GrantInput = Static<typeof GrantInput>;

const GrantInputs = Type.Array(Type.Ref(GrantInput), {
  maxItems: 200,
  description: 'One role per organisation.',
});

export const UserGrant = Type.Object(
  {
    organisationId: Uuid,
    role: OrganisationRole,
    organisation: Type.Ref(OrganisationSummary),
  },
  { $id: 'UserGrant', title: 'Role of a user for an organisation' },
);
export type UserGrant = Static<typeof UserGrant>;

export const SessionUser = Type.Object(
  {
    id: Uuid,
    email: Type.String(),
    displayName: Nullable(Type.String()),
    admin: Type.Boolean(),
    twoFactorEnabled: Type.Boolean({ description: 'Whether the user has set up two-factor authentication.' }),
    twoFactorRequired: Type.Boolean({
      description:
        'Two-factor authentication is mandatory and this user has not set it up: until they do, every write but ' +
        'enrolling, signing out and changing the password is refused (403 `auth.two_factor_enrolment_required`).',
    }),
    grants: Type.Array(Type.Ref(UserGrant)),
  },
  { $id: 'SessionUser', title: 'Signed-in user' },
);
export type SessionUser = Static<typeof SessionUser>;

export const Session = Type.Object(
  {
    user: Nullable(Type.Ref(SessionUser)),
    csrfToken: Nullable(
      Type.String({
        description: 'Send it in the `x-csrf-token` header of every write while signed in.',
      }),
    ),
  },
  { $id: 'Session', title: 'Session' },
);
export type Session = Static<typeof Session>;

export const SignIn = Type.Object(
  {
    email: Email,
    password: Password,
    totpCode: Type.Optional(TotpCode),
    language: Type.Optional(MailLanguage),
  },
  { additionalProperties: false, $id: 'SignIn', title: 'Sign-in' },
);
export type SignIn = Static<typeof SignIn>;

export const PasswordResetRequest = Type.Object(
  {
    email: Email,
    language: Type.Optional(
      mailLanguage(
        'The language of the mail: the interface language of the form (else the one the account records).',
      ),
    ),
  },
  { additionalProperties: false, $id: 'PasswordResetRequest', title: 'Password reset request' },
);
export type PasswordResetRequest = Static<typeof PasswordResetRequest>;

export const PasswordResetCompletion = Type.Object(
  { token: MailToken, password: Password },
  { additionalProperties: false, $id: 'PasswordResetCompletion', title: 'New password from a reset link' },
);
export type PasswordResetCompletion = Static<typeof PasswordResetCompletion>;

export const LanguageChange = Type.Object(
  { language: MailLanguage },
  { additionalProperties: false, $id: 'LanguageChange', title: 'Language of your mails' },
);
export type LanguageChange = Static<typeof LanguageChange>;

export const PasswordChange = Type.Object(
  { currentPassword: Password, newPassword: Password },
  { additionalProperties: false, $id: 'PasswordChange', title: 'Password change' },
);
export type PasswordChange = Static<typeof PasswordChange>;

export const InvitationCreate = Type.Object(
  {
    email: Email,
    admin: Type.Optional(
      Type.Boolean({ description: 'Make the user an administrator (administrators only).' }),
    ),
    grants: GrantInputs,
    language: Type.Optional(MailLanguage),
  },
  { additionalProperties: false, $id: 'InvitationCreate', title: 'New invitation' },
);
export type InvitationCreate = Static<typeof InvitationCreate>;

export const Invitation = Type.Object(
  {
    id: Uuid,
    email: Type.String(),
    expiresAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Invitation', title: 'Invitation' },
);
export type Invitation = Static<typeof Invitation>;

export const InvitationAccept = Type.Object(
  { token: MailToken, password: Password, displayName: DisplayName, language: Type.Optional(MailLanguage) },
  { additionalProperties: false, $id: 'InvitationAccept', title: 'Accepting an invitation' },
);
export type InvitationAccept = Static<typeof InvitationAccept>;

export const TwoFactorSetup = Type.Object(
  {
    secret: Type.String({ description: 'The base32 secret, for typing into an authenticator app.' }),
    otpauthUrl: Type.String({ description: 'The `otpauth://totp/...` address, for a QR code.' }),
  },
  { $id: 'TwoFactorSetup', title: 'Two-factor authentication being set up' },
);
export type TwoFactorSetup = Static<typeof TwoFactorSetup>;

export const TwoFactorCode = Type.Object(
  { code: TotpCode },
  { additionalProperties: false, $id: 'TwoFactorCode', title: 'Code from the authenticator app' },
);
export type TwoFactorCode = Static<typeof TwoFactorCode>;

export const UserStatus = Type.Union(
  [Type.Literal('invited'), Type.Literal('active'), Type.Literal('disabled')],
  { description: '`invited`: has not accepted the invitation yet; `disabled`: may not sign in.' },
);

export const User = Type.Object(
  {
    id: Uuid,
    email: Type.String(),
    displayName: Nullable(Type.String()),
    admin: Type.Boolean(),
    status: UserStatus,
    twoFactorEnabled: Type.Boolean(),
    grants: Type.Array(Type.Ref(UserGrant)),
    version: Type.Integer(),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'User', title: 'User' },
);
export type User = Static<typeof User>;

export const UserUpdate = Type.Object(
  {
    version: Version,
    admin: Type.Optional(Type.Boolean()),
    status: Type.Optional(
      Type.Union([Type.Literal('active'), Type.Literal('disabled')], {
        description: 'Disabling a user ends their sessions and stops them signing in.',
      }),
    ),
    displayName: Type.Optional(DisplayName),
    twoFactorEnabled: Type.Optional(
      Type.Literal(false, {
        description:
          "`false` removes the user's two-factor authentication (a lost device); they set it up again.",
      }),
    ),
  },
  { additionalProperties: false, $id: 'UserUpdate', title: 'Changes to a user' },
);
export type UserUpdate = Static<typeof UserUpdate>;

export const UserRolesUpdate = Type.Object(
  { version: Version, grants: GrantInputs },
  { additionalProperties: false, $id: 'UserRolesUpdate', title: "A user's roles" },
);
export type UserRolesUpdate = Static<typeof UserRolesUpdate>;

export const UserListQuery = Type.Object(
  {
    email: Type.Optional(
      Type.String({ minLength: 1, maxLength: 320, description: 'Part of the email, in any case.' }),
    ),
    status: Type.Optional(UserStatus),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type UserListQuery = Static<typeof UserListQuery>;

export const SecuritySettings = Type.Object(
  {
    requireTwoFactor: Type.Boolean({
      description: 'Every user must set up two-factor authentication before changing anything.',
    }),
  },
  { additionalProperties: false, $id: 'SecuritySettings', title: 'Security settings' },
);
export type SecuritySettings = Static<typeof SecuritySettings>;

export const OutboxMail = Type.Object(
  {
    id: Uuid,
    to: Type.String(),
    subject: Type.String(),
    createdAt: Type.String({ format: 'date-time' }),
    text: Type.String(),
  },
  { $id: 'OutboxMail', title: 'Mail in the outbox' },
);

export const Outbox = Type.Object(
  { items: Type.Array(Type.Ref(OutboxMail)) },
  { $id: 'Outbox', title: 'Outbox: the newest 100 mails written while no SMTP server is configured' },
);
export type Outbox = Static<typeof Outbox>;

/** Every schema with an `$id` here, for registration as OpenAPI components. */
export const accountsSchemas = [
  GrantInput,
  UserGrant,
  SessionUser,
  Session,
  SignIn,
  PasswordResetRequest,
  PasswordResetCompletion,
  LanguageChange,
  PasswordChange,
  InvitationCreate,
  Invitation,
  InvitationAccept,
  TwoFactorSetup,
  TwoFactorCode,
  User,
  UserUpdate,
  UserRolesUpdate,
  SecuritySettings,
  OutboxMail,
  Outbox,
];
