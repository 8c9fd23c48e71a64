-- The in-memory place index as the server reads it (docs/decisions/0012-search-places-in-memory.md),
-- kept at the `search_index_versions` version it was built from. Building it aggregates and sorts a
-- quarter of a million terms (about a second of the embedded database's time); reading a stored one of
-- the current version takes a tenth of that, which is most of what a restart waits for. The first server
-- that finds no snapshot of the current version builds and stores it; an older one is never trusted.
create table search_index_snapshots (
  part text primary key references search_index_versions (part),
  version bigint not null,
  -- The records as the repository decodes them: fields separated by chr(31), records by chr(30).
  terms text not null,
  places text not null,
  built_at timestamptz not null default now()
);
-- Stored uncompressed: a read then costs only its bytes (about 20 MB for the whole gazetteer).
alter table search_index_snapshots
  alter column terms set storage external,
  alter column places set storage external;
