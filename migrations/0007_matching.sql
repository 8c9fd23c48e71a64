-- Partner matching. Each server process keeps the cooperation graph (organisations, partnerships,
-- memberships, project and activity participation) in memory to rank candidate partners quickly. This
-- revision is raised in the same transaction as any write to those tables, so a process sees another's
-- write (an import, an edit through another server) with its next suggestion: it reads the revision
-- before the graph and reloads the graph when the revision has moved.

create table cooperation_graph_revision (
  graph text primary key check (graph = 'cooperation'),
  revision bigint not null default 0
);
insert into cooperation_graph_revision (graph) values ('cooperation');

create function cooperation_graph_raise_revision() returns trigger
language plpgsql as $$
begin
  update cooperation_graph_revision set revision = revision + 1 where graph = 'cooperation';
  return null;
end $$;

create trigger organisations_raise_graph_revision
  after insert or update or delete or truncate on organisations
  for each statement execute function cooperation_graph_raise_revision();
create trigger partnerships_raise_graph_revision
  after insert or update or delete or truncate on partnerships
  for each statement execute function cooperation_graph_raise_revision();
create trigger memberships_raise_graph_revision
  after insert or update or delete or truncate on memberships
  for each statement execute function cooperation_graph_raise_revision();
create trigger project_partners_raise_graph_revision
  after insert or update or delete or truncate on project_partners
  for each statement execute function cooperation_graph_raise_revision();
create trigger activity_participants_raise_graph_revision
  after insert or update or delete or truncate on activity_participants
  for each statement execute function cooperation_graph_raise_revision();
