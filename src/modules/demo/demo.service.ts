import { sql } from 'kysely';
import type { Actor } from '../../platform/actor.js';
import type { Database } from '../../platform/db/database.js';
import { newId, withinTransaction } from '../../platform/db/helpers.js';
import { createServices } from '../../services.js';
import { insertSource } from '../sources/sources.repository.js';
import { sourceSearchText } from '../sources/sources.repository.js';
import { demoData } from './demo.data.js';
import type { DemoData } from './demo.types.js';

const stateKey = 'demo_data';

export interface DemoLoadResult {
  loaded: boolean;
  counts: Record<string, number>;
}

/** Looks up the id a demo record's key was given, failing loudly on a key the data set lacks. */
function resolver(kind: string, ids: Map<string, string>) {
  return (key: string): string => {
    const id = ids.get(key);
    if (!id) throw new Error(`Demo data refers to an unknown ${kind} "${key}".`);
    return id;
  };
}

/**
 * Loads the demo data set through the same services the API uses, so every record passes the same
 * rules, all in one transaction. A marker in system_state makes a second load change nothing.
 */
export function createDemoService(database: Database, data: DemoData = demoData) {
  async function load(actor: Actor): Promise<DemoLoadResult> {
    return withinTransaction(database, actor, async (transactional) => {
      const marker = await transactional.db
        .selectFrom('systemState')
        .select('key')
        .where('key', '=', stateKey)
        .executeTakeFirst();
      if (marker) return { loaded: false, counts: {} };
      const services = createServices(transactional);
      const trx = transactional.db;

      const sourceIds = new Map<string, string>();
      for (const { key, kind, title, url, language, publisher, publishedOn, notes } of data.sources) {
        const row = await insertSource(trx, {
          id: newId(),
          key,
          kind,
          title,
          url: url ?? null,
          language: language ?? null,
          publisher: publisher ?? null,
          publishedOn: publishedOn ?? null,
          notes: notes ?? null,
          searchText: sourceSearchText({ title, publisher: publisher ?? null }),
        });
        sourceIds.set(key, row.id);
      }
      const source = resolver('source', sourceIds);

      for (const { source: sourceKey, ...theme } of data.themes) {
        await services.themes.create(actor, { ...theme, sourceId: source(sourceKey) });
      }

      const organisationIds = new Map<string, string>();
      for (const { key, source: sourceKey, ...organisation } of data.organisations) {
        const created = await services.organisations.create(actor, {
          ...organisation,
          slug: key,
          sourceId: source(sourceKey),
        });
        organisationIds.set(key, created.id);
      }
      const organisation = resolver('organisation', organisationIds);

      for (const { member, organisation: network, source: sourceKey, ...membership } of data.memberships) {
        await services.memberships.create(actor, {
          ...membership,
          memberId: organisation(member),
          organisationId: organisation(network),
          sourceId: source(sourceKey),
        });
      }

      for (const { a, b, source: sourceKey, ...partnership } of data.partnerships) {
        await services.partnerships.create(actor, {
          ...partnership,
          organisationAId: organisation(a),
          organisationBId: organisation(b),
          sourceId: source(sourceKey),
        });
      }

      const projectIds = new Map<string, string>();
      for (const { key, partners, source: sourceKey, ...project } of data.projects) {
        const created = await services.projects.create(actor, {
          ...project,
          slug: key,
          sourceId: source(sourceKey),
          partners: partners.map(({ organisation: partner, ...rest }) => ({
            ...rest,
            organisationId: organisation(partner),
          })),
        });
        projectIds.set(key, created.id);
      }
      const project = resolver('project', projectIds);

      for (const { participants, project: projectKey, source: sourceKey, ...activity } of data.activities) {
        await services.activities.create(actor, {
          ...activity,
          ...(projectKey ? { projectId: project(projectKey) } : {}),
          sourceId: source(sourceKey),
          participants: participants.map(({ organisation: participant, role }) => ({
            organisationId: organisation(participant),
            role,
          })),
        });
      }

      for (const { organisation: owner, source: sourceKey, ...programme } of data.programmes) {
        await services.programmes.create(actor, {
          ...programme,
          organisationId: organisation(owner),
          sourceId: source(sourceKey),
        });
      }

      const counts = {
        sources: data.sources.length,
        themes: data.themes.length,
        organisations: data.organisations.length,
        memberships: data.memberships.length,
        partnerships: data.partnerships.length,
        projects: data.projects.length,
        activities: data.activities.length,
        programmes: data.programmes.length,
      };
      await trx
        .insertInto('systemState')
        .values({
          key: stateKey,
          value: JSON.stringify({ loadedAt: new Date().toISOString(), counts }) as never,
        })
        .execute();
      return { loaded: true, counts };
    });
  }

  return {
    load,

    /** Loads the demo data only into a database that holds no organisation yet (a first start). */
    async loadIntoEmptyDatabase(actor: Actor): Promise<DemoLoadResult> {
      const { rows } = await sql<{ count: number }>`select count(*)::int as count from organisations`.execute(
        database.db,
      );
      if ((rows[0]?.count ?? 0) > 0) return { loaded: false, counts: {} };
      return load(actor);
    },
  };
}
