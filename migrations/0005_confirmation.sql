-- Confirmation by both sides of partnerships, memberships and project partnerships.
--
-- A relation one side enters is 'claimed' (claimed_by names that side); the other side confirms it
-- ('confirmed') or disputes it with a reason ('disputed', confirmation_note). Relations an import or the
-- demo loader recorded are 'reported_by_source'. claimed_by is null when neither side entered the
-- relation (an administrator, a source); then either side may confirm it.
--
-- The partnerships' confirmed_by_a and confirmed_by_b flags become the state and are dropped: both set
-- is 'confirmed', one set is that side's claim, neither is what the source reported. Every existing
-- membership and project partnership was recorded before accounts existed, from sources.

-- The backfill below is a write like any other: the audit trail records it as the migration's.
select set_config('pobratim.actor', 'system:migration-0005', true);

alter table partnerships
  add column confirmation text not null default 'claimed'
    check (confirmation in ('claimed', 'confirmed', 'disputed', 'reported_by_source')),
  add column claimed_by uuid references organisations (id) on delete set null,
  add column confirmation_note text check (length(confirmation_note) <= 2000),
  add column confirmation_changed_at timestamptz;

update partnerships set
  confirmation = case
    when confirmed_by_a and confirmed_by_b then 'confirmed'
    when confirmed_by_a or confirmed_by_b then 'claimed'
    else 'reported_by_source'
  end,
  claimed_by = case
    when confirmed_by_a and not confirmed_by_b then organisation_a_id
    when confirmed_by_b and not confirmed_by_a then organisation_b_id
  end,
  confirmation_changed_at = case when confirmed_by_a or confirmed_by_b then updated_at end;

alter table partnerships
  drop column confirmed_by_a,
  drop column confirmed_by_b,
  add constraint partnerships_claimed_by_side
    check (claimed_by is null or claimed_by in (organisation_a_id, organisation_b_id));

alter table memberships
  add column confirmation text not null default 'claimed'
    check (confirmation in ('claimed', 'confirmed', 'disputed', 'reported_by_source')),
  add column claimed_by uuid references organisations (id) on delete set null,
  add column confirmation_note text check (length(confirmation_note) <= 2000),
  add column confirmation_changed_at timestamptz,
  add constraint memberships_claimed_by_party
    check (claimed_by is null or claimed_by in (member_id, organisation_id));

update memberships set confirmation = 'reported_by_source';

-- A project partnership's sides are the project's lead and the partner; the lead is another row, so
-- the database cannot check claimed_by against it.
alter table project_partners
  add column confirmation text not null default 'claimed'
    check (confirmation in ('claimed', 'confirmed', 'disputed', 'reported_by_source')),
  add column claimed_by uuid references organisations (id) on delete set null,
  add column confirmation_note text check (length(confirmation_note) <= 2000),
  add column confirmation_changed_at timestamptz;

update project_partners set confirmation = 'reported_by_source';

