-- Accounts: users, their roles per organisation, server-side sessions, single-use tokens for password
-- resets and invitations, and the failed sign-ins that throttle guessing.
-- Secrets are never stored: passwords as argon2id hashes, session and mail tokens as SHA-256 hashes, and
-- failed sign-ins under a SHA-256 hash of the lower-cased email, so an unknown address leaves no trace.

create table users (
  id uuid primary key,
  -- Stored as given; unique and looked up in lower case.
  email text not null check (length(email) between 3 and 320),
  display_name text check (length(display_name) between 1 and 200),
  password_hash text,
  admin boolean not null default false,
  status text not null default 'active' check (status in ('invited', 'active', 'disabled')),
  -- Two-factor authentication (TOTP, RFC 6238): the confirmed secret (base32), the one being enrolled,
  -- and the time step of the last code accepted, so that a code works only once.
  totp_secret text,
  totp_pending_secret text,
  totp_last_time_step bigint,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index users_email on users (lower(email));

-- What a user may do for an organisation. A coordinator of an association also acts for its members.
create table user_roles (
  user_id uuid not null references users (id) on delete cascade,
  organisation_id uuid not null references organisations (id) on delete cascade,
  role text not null check (role in ('coordinator', 'editor', 'viewer')),
  created_at timestamptz not null default now(),
  primary key (user_id, organisation_id)
);
create index user_roles_organisation on user_roles (organisation_id);

-- A session ends at expires_at (absolute lifetime) or when unused for the idle time after last_seen_at.
create table sessions (
  id uuid primary key,
  user_id uuid not null references users (id) on delete cascade,
  token_hash text not null unique,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_user on sessions (user_id);

-- Single-use tokens sent by mail: password resets and invitations. Used or superseded: used_at is set.
create table auth_tokens (
  id uuid primary key,
  user_id uuid not null references users (id) on delete cascade,
  kind text not null check (kind in ('password_reset', 'invitation')),
  token_hash text not null unique,
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now()
);
create index auth_tokens_user on auth_tokens (user_id, kind);

-- Failed sign-ins, keyed by the SHA-256 hash of the lower-cased email (known or not), kept 15 minutes.
create table login_failures (
  id uuid primary key,
  email_hash text not null,
  failed_at timestamptz not null
);
create index login_failures_email on login_failures (email_hash, failed_at);
create index login_failures_time on login_failures (failed_at);
