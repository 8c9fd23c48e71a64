-- Initiatives (an organisation looking for partners), their status history, expressions of interest from
-- other organisations, in-app notifications with an e-mail outbox, and the scheduled notices already
-- issued (so a reminder job that runs again, or after a restart, never issues one twice).
-- Deadlines are calendar days as ISO 8601 text ('2025-03-31'), like the registry's other dates.

create table initiatives (
  id uuid primary key,
  owner_organisation_id uuid not null references organisations (id) on delete cascade,
  title jsonb not null,
  display_title text not null,
  description jsonb not null default '{}',
  themes text[] not null default '{}',
  -- What the owner seeks.
  partner_kinds text[] not null default '{}',
  countries text[] not null default '{}',
  population_min bigint check (population_min >= 0),
  population_max bigint check (population_max >= 0),
  languages text[] not null default '{}',
  partners_wanted integer check (partners_wanted between 1 and 100),
  funding_programme text,
  call text,
  deadline text check (deadline ~ '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'),
  visibility text not null default 'public' check (visibility in ('public', 'association', 'private')),
  status text not null default 'draft' check (status in ('draft', 'open', 'shortlisting', 'partners_confirmed',
    'submitted', 'funded', 'not_funded', 'closed', 'withdrawn')),
  -- The project formed with the accepted partners, once there is one.
  project_id uuid references projects (id) on delete set null,
  search_text text not null default '',
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint initiatives_population_range check (population_min is null or population_max is null
    or population_min <= population_max)
);
create index initiatives_owner on initiatives (owner_organisation_id);
create index initiatives_status on initiatives (status);
create index initiatives_deadline on initiatives (deadline) where deadline is not null;
create index initiatives_themes on initiatives using gin (themes);
create index initiatives_countries on initiatives using gin (countries);

-- Every status an initiative has had, with who moved it (an actor label, never a name) and why.
create table initiative_status_changes (
  id uuid primary key,
  initiative_id uuid not null references initiatives (id) on delete cascade,
  from_status text,
  to_status text not null,
  actor text not null,
  note text check (length(note) <= 2000),
  changed_at timestamptz not null default now()
);
create index initiative_status_changes_initiative on initiative_status_changes (initiative_id, changed_at);

create table expressions_of_interest (
  id uuid primary key,
  initiative_id uuid not null references initiatives (id) on delete cascade,
  organisation_id uuid not null references organisations (id) on delete cascade,
  message text not null check (length(message) between 1 and 5000),
  status text not null default 'pending' check (status in ('pending', 'accepted', 'declined', 'withdrawn')),
  response_note text check (length(response_note) <= 2000),
  -- The records accepting it made, if any.
  project_id uuid references projects (id) on delete set null,
  partnership_id uuid references partnerships (id) on delete set null,
  answered_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
-- One live answer per organisation and initiative: pending or accepted. After a decline or a withdrawal
-- the organisation may express interest again.
create unique index expressions_of_interest_live on expressions_of_interest (initiative_id, organisation_id)
  where status in ('pending', 'accepted');
create index expressions_of_interest_initiative on expressions_of_interest (initiative_id);
create index expressions_of_interest_organisation on expressions_of_interest (organisation_id);

-- What a user is told in the application.
create table notifications (
  id uuid primary key,
  user_id uuid not null references users (id) on delete cascade,
  kind text not null check (kind in ('interest_received', 'interest_answered', 'initiative_status_changed',
    'deadline_approaching')),
  payload jsonb not null default '{}',
  read_at timestamptz,
  created_at timestamptz not null default now()
);
create index notifications_user on notifications (user_id, created_at desc);
create index notifications_unread on notifications (user_id) where read_at is null;

-- The e-mail outbox: one row per notification to send, written in the same transaction as the
-- notification. A job claims rows (a lease in claimed_until), sends, then records sent_at.
create table notification_deliveries (
  id uuid primary key,
  notification_id uuid not null unique references notifications (id) on delete cascade,
  attempts integer not null default 0,
  claimed_until timestamptz,
  sent_at timestamptz,
  last_error text,
  created_at timestamptz not null default now()
);
create index notification_deliveries_pending on notification_deliveries (created_at) where sent_at is null;

-- Notices issued by the scheduled job, one per initiative, kind and due day (a moved deadline gets its own).
create table scheduled_notices (
  initiative_id uuid not null references initiatives (id) on delete cascade,
  kind text not null check (kind in ('deadline_7d')),
  due_on text not null,
  created_at timestamptz not null default now(),
  primary key (initiative_id, kind, due_on)
);

-- The registry tables of this migration are audited like the others (see 0004).
select attach_audit('initiatives', 'initiative');
select attach_audit('expressions_of_interest', 'expression_of_interest', 'id', 'initiative', 'initiative_id');
