-- The audit trail and the contact persons of organisations.
--
-- Every change to a registry table writes one row to audit_events, in the same transaction, from a
-- trigger: so no write path (API, CLI, demo loader, dump import, a migration's backfill) can skip it.
-- Who acts comes from the transaction-local setting `pobratim.actor` (set by inTransaction); a write
-- without it is refused. Events are append-only: UPDATE and DELETE are refused unless the transaction
-- set `pobratim.erasure` to `on`, which only the erasure of a person's data does.

create table audit_events (
  id bigint generated always as identity primary key,
  occurred_at timestamptz not null default now(),
  -- The events of one transaction belong to one change (an organisation with its names).
  transaction_id bigint not null default txid_current(),
  -- `user:<uuid>`, `system:<name>`, `public`: never an email or a name.
  actor text not null check (length(actor) between 1 and 200),
  request_id text,
  entity text not null,
  entity_id text not null,
  action text not null check (action in ('insert', 'update', 'delete', 'erase')),
  before jsonb,
  after jsonb,
  parent_entity text,
  parent_id text
);
create index audit_events_entity on audit_events (entity, entity_id, id);
create index audit_events_parent on audit_events (parent_entity, parent_id, id) where parent_id is not null;
create index audit_events_request on audit_events (request_id) where request_id is not null;

-- A row as the audit trail keeps it: without secrets (password and token hashes, two-factor secrets,
-- recovery codes) and without derived search text.
create function audit_payload(row_data jsonb) returns jsonb
  language sql immutable parallel safe
  as $$
    select coalesce(jsonb_object_agg(key, value), '{}'::jsonb)
    from jsonb_each(row_data)
    where key !~ '(password|secret|token|_hash$|recovery|^search_text$|^search_key$)'
  $$;

-- Writes one event per changed row. Arguments: entity name, key columns (comma-separated, default
-- `id`), parent entity name and the column holding the parent's id (both optional).
create function audit_row_change() returns trigger
  language plpgsql
  as $$
declare
  v_actor text := nullif(current_setting('pobratim.actor', true), '');
  v_request_id text := nullif(current_setting('pobratim.request_id', true), '');
  v_key_columns text[] := string_to_array(coalesce(nullif(tg_argv[1], ''), 'id'), ',');
  v_parent_column text := nullif(tg_argv[3], '');
  v_action text := lower(tg_op);
  v_old jsonb;
  v_new jsonb;
  v_row jsonb;
  v_entity_id text;
begin
  if v_actor is null then
    raise exception 'No actor for a write to %: run every write through inTransaction(database, actor, ...)',
      tg_table_name
      using errcode = 'insufficient_privilege', hint = 'Set pobratim.actor for the transaction.';
  end if;
  if tg_op <> 'INSERT' then v_old := to_jsonb(old); end if;
  if tg_op <> 'DELETE' then v_new := to_jsonb(new); end if;
  if tg_op = 'UPDATE' then
    if v_old = v_new then return null; end if;
    -- The erasure of a person's data is one 'erase' event that keeps nothing of what was erased.
    if current_setting('pobratim.erasure', true) = 'on' then
      v_action := 'erase';
      v_old := null;
    end if;
  end if;
  v_row := coalesce(v_new, v_old);
  select string_agg(v_row ->> key_column, '/') into v_entity_id from unnest(v_key_columns) as key_column;
  insert into audit_events (actor, request_id, entity, entity_id, action, before, after, parent_entity, parent_id)
  values (v_actor, v_request_id, tg_argv[0], v_entity_id, v_action,
    case when v_old is null then null else audit_payload(v_old) end,
    case when v_new is null then null else audit_payload(v_new) end,
    nullif(tg_argv[2], ''),
    case when v_parent_column is null then null else v_row ->> v_parent_column end);
  return null;
end $$;

-- Attaches the audit trigger to a table; later migrations call it for the tables they add.
create function attach_audit(
  target regclass, entity text, key_columns text default 'id', parent_entity text default null,
  parent_column text default null
) returns void
  language plpgsql
  as $$
begin
  execute format(
    'create trigger %I after insert or update or delete on %s for each row execute function audit_row_change(%L, %L, %L, %L)',
    'audit_' || replace(target::text, '.', '_'), target, entity, key_columns, coalesce(parent_entity, ''),
    coalesce(parent_column, ''));
end $$;

create function audit_events_refuse_change() returns trigger
  language plpgsql
  as $$
begin
  if current_setting('pobratim.erasure', true) = 'on' and tg_op <> 'TRUNCATE' then
    return case when tg_op = 'DELETE' then old else new end;
  end if;
  raise exception 'Audit events are append-only: % is refused', tg_op
    using errcode = 'insufficient_privilege';
end $$;

create trigger audit_events_append_only before update or delete on audit_events
  for each row execute function audit_events_refuse_change();
create trigger audit_events_no_truncate before truncate on audit_events
  for each statement execute function audit_events_refuse_change();

-- The people to contact at an organisation: officials, their emails and phones. Personal data: readable
-- only by those with a role for the organisation, exportable and erasable on request.
create table contacts (
  id uuid primary key,
  organisation_id uuid not null references organisations (id) on delete cascade,
  name text not null check (length(name) between 1 and 200),
  position jsonb not null default '{}',
  email text check (length(email) between 3 and 320),
  phone text check (length(phone) between 1 and 50),
  notes text check (length(notes) <= 2000),
  erased_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index contacts_organisation on contacts (organisation_id);

select attach_audit('sources', 'source');
select attach_audit('themes', 'theme');
select attach_audit('organisations', 'organisation');
select attach_audit('names', 'name', 'id', 'organisation', 'organisation_id');
select attach_audit('memberships', 'membership');
select attach_audit('partnerships', 'partnership');
select attach_audit('projects', 'project');
select attach_audit('project_partners', 'project_partner', 'id', 'project', 'project_id');
select attach_audit('activities', 'activity');
select attach_audit('activity_participants', 'activity_participant', 'id', 'activity', 'activity_id');
select attach_audit('programmes', 'programme');
select attach_audit('users', 'user');
select attach_audit('user_roles', 'user_role', 'user_id,organisation_id', 'user', 'user_id');
select attach_audit('contacts', 'contact', 'id', 'organisation', 'organisation_id');
