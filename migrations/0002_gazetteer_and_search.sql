-- The reference gazetteer (GeoNames places of 1,000+ inhabitants, countries) and one search index over
-- every name of places, organisations, projects and activities.

create table countries (
  code char(2) primary key check (code ~ '^[A-Z]{2}$'),
  names jsonb not null
);

create table places (
  geonames_id bigint primary key,
  name text not null,
  name_en text,
  country char(2) not null,
  feature_code text,
  admin1_code text,
  population bigint not null default 0,
  latitude double precision not null,
  longitude double precision not null,
  lau_code text,
  nuts_code text
);
create index places_country on places (country);

-- One row per (entity, name, search key). `name` is the name as written, `languages` the languages that
-- write it so, `key` one normalised search key of it (a name may have several: Bulgarian "София" is
-- both "sofija" and "sofiya"). Derived data: rebuilt from places and the registry's own tables.
create table search_terms (
  entity_type text not null check (entity_type in ('place', 'organisation', 'project', 'activity')),
  entity_id text not null,
  name text not null,
  languages text[] not null default '{}',
  key text not null,
  importance real not null default 0,
  country char(2)
);
create index search_terms_entity on search_terms (entity_type, entity_id);
create index search_terms_key on search_terms (key text_pattern_ops);
create index search_terms_key_trgm on search_terms using gin (key gin_trgm_ops);

-- An organisation represents at most one gazetteer place: choosing a place creates its authority once.
create unique index organisations_geonames_id on organisations (geonames_id) where geonames_id is not null;
