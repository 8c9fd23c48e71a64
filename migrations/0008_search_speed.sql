-- Search speed. The gazetteer's places (their terms, nearly all of search_terms, and their details) are
-- held and searched in memory by each server process (src/modules/search/place-index.ts); the database
-- answers the registry's terms and records. See docs/decisions/0008-search-places-in-memory.md.

-- The registry's terms (organisations, projects, activities) are few beside the places': their own
-- indexes stay small and quick however large the gazetteer.
create index search_terms_registry_key on search_terms (key text_pattern_ops, importance desc)
  where entity_type <> 'place';
create index search_terms_registry_key_trgm on search_terms using gin (key gin_trgm_ops)
  where entity_type <> 'place';

-- A version of each part of the search data that a server holds in memory (the places: their terms and
-- details), raised in the same transaction as any change to its rows, so that every process sees a
-- change (an import by another process, a test's fixture) with the first search that reads the new rows.
create table search_index_versions (
  part text primary key check (part in ('places')),
  version bigint not null default 0
);
insert into search_index_versions (part) values ('places');

create function search_terms_raise_places_version() returns trigger
language plpgsql as $$
declare
  is_changed boolean;
begin
  -- Each transition table exists only for the triggers that declare it, so each is read on its own.
  if tg_op = 'TRUNCATE' then
    is_changed := true;
  elsif tg_op = 'INSERT' then
    is_changed := exists (select from new_terms where entity_type = 'place');
  elsif tg_op = 'DELETE' then
    is_changed := exists (select from old_terms where entity_type = 'place');
  else
    is_changed := exists (select from old_terms where entity_type = 'place')
      or exists (select from new_terms where entity_type = 'place');
  end if;
  if is_changed then
    update search_index_versions set version = version + 1 where part = 'places';
  end if;
  return null;
end $$;

create trigger search_terms_places_inserted after insert on search_terms
  referencing new table as new_terms
  for each statement execute function search_terms_raise_places_version();
create trigger search_terms_places_updated after update on search_terms
  referencing old table as old_terms new table as new_terms
  for each statement execute function search_terms_raise_places_version();
create trigger search_terms_places_deleted after delete on search_terms
  referencing old table as old_terms
  for each statement execute function search_terms_raise_places_version();
create trigger search_terms_places_truncated after truncate on search_terms
  for each statement execute function search_terms_raise_places_version();

-- The places' details (coordinates, codes, population) are held in memory with their names.
create function places_raise_version() returns trigger
language plpgsql as $$
begin
  update search_index_versions set version = version + 1 where part = 'places';
  return null;
end $$;

create trigger places_changed after insert or update or delete or truncate on places
  for each statement execute function places_raise_version();

-- The registry's terms that share at least `threshold` of their trigrams with `query`, most similar
-- first, through the registry's trigram index. The `%` operator reads its threshold from a setting; the
-- SET clause (pg_trgm's default) ends the function's own change of it with the call.
create function search_similar_registry_terms(
  query text, threshold real, entity_types text[], wanted_country text, max_rows integer
) returns table (
  entity_type text, entity_id text, name text, languages text[], key text, importance real,
  country char(2), similarity real
)
language plpgsql stable
set pg_trgm.similarity_threshold = 0.3
set enable_bitmapscan = on
as $$
begin
  perform set_config('pg_trgm.similarity_threshold', threshold::text, true);
  return query
    select t.entity_type, t.entity_id, t.name, t.languages, t.key, t.importance, t.country,
      similarity(t.key, query)
    from search_terms t
    where t.entity_type <> 'place' and t.key % query and t.entity_type = any(entity_types)
      and (wanted_country is null or t.country = wanted_country)
    order by 8 desc, t.importance desc
    limit max_rows;
end $$;

-- What one search reads, in one call: the version of the place terms (to tell whether a server's copy
-- in memory is current), the registry's terms that the query meets (by its keys, as completions of
-- `prefix`, by one-edit `variants`, by trigrams when `similar_to` is given), and the organisations that
-- represent any of `candidate_places`. A function, so that its
-- statements are planned once per connection rather than at every search: planning the same statement
-- sent as text cost three times its execution, four times on the embedded database.
create function search_read(
  keys text[], prefix text, prefix_upper text, prefix_limit integer, variants text[],
  similar_to text, similarity_threshold real, similar_limit integer,
  entity_types text[], wanted_country text, candidate_places bigint[]
) returns json
language plpgsql stable
-- The plans do not depend on the values: index probes and range reads of the registry's small indexes.
set plan_cache_mode = force_generic_plan
-- The trigram index answers `=` too, a thousand times slower than the btree for a thousand variants;
-- it is only read through bitmap scans, so without them keys are always looked up in the btree.
set enable_bitmapscan = off
as $$
declare
  registry_terms json;
begin
  select coalesce(json_agg(json_build_object(
      'entityType', m.entity_type, 'entityId', m.entity_id, 'name', m.name, 'languages', m.languages,
      'key', m.key, 'importance', m.importance, 'country', m.country, 'similarity', m.similarity,
      'tier', m.tier)), '[]')
    into registry_terms
    from (
      (select t.entity_type, t.entity_id, t.name, t.languages, t.key, t.importance, t.country,
          null::real as similarity, 'key' as tier
        from search_terms t
        where t.entity_type <> 'place' and t.key = any(keys) and t.entity_type = any(entity_types)
          and (wanted_country is null or t.country = wanted_country)
        order by t.importance desc limit 200)
      union all
      (select t.entity_type, t.entity_id, t.name, t.languages, t.key, t.importance, t.country, null, 'prefix'
        from search_terms t
        where prefix is not null and t.entity_type <> 'place'
          and t.key ~>=~ prefix and t.key ~<~ prefix_upper and t.entity_type = any(entity_types)
          and (wanted_country is null or t.country = wanted_country)
        order by t.importance desc limit prefix_limit)
      union all
      (select t.entity_type, t.entity_id, t.name, t.languages, t.key, t.importance, t.country, null, 'variant'
        from search_terms t
        where t.entity_type <> 'place' and t.key = any(variants) and t.entity_type = any(entity_types)
          and (wanted_country is null or t.country = wanted_country)
        order by t.importance desc limit 200)
      union all
      select f.entity_type, f.entity_id, f.name, f.languages, f.key, f.importance, f.country,
          f.similarity, 'fuzzy'
        from search_similar_registry_terms(similar_to, similarity_threshold, entity_types, wanted_country,
          similar_limit) as f
        where similar_to is not null
    ) as m;
  return json_build_object(
    'placesVersion', (select v.version from search_index_versions v where v.part = 'places'),
    'registryTerms', registry_terms,
    'representatives', (select coalesce(json_agg(json_build_object('id', o.id, 'geonamesId', o.geonames_id)), '[]')
      from organisations o where o.geonames_id = any(candidate_places)));
end $$;
