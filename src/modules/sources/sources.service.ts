import type { Actor } from '../../platform/actor.js';
import type { Database, Executor } from '../../platform/db/database.js';
import { assertCurrentVersion, inTransaction, newId, type PageResult } from '../../platform/db/helpers.js';
import { AppError, notFound } from '../../platform/errors.js';
import {
  deleteSource,
  findSource,
  findTablesCitingSource,
  insertSource,
  listSources,
  sourceSearchText,
  updateSource,
  type SourceRow,
} from './sources.repository.js';
import type { Source, SourceCreate, SourceListQuery, SourceUpdate } from './sources.schemas.js';

const entity = 'source';

/** Shapes a stored row as the API's source. */
function present(row: SourceRow): Source {
  const { searchText: _searchText, createdAt, updatedAt, ...fields } = row;
  return { ...fields, createdAt: createdAt.toISOString(), updatedAt: updatedAt.toISOString() };
}

/** Where the registry's facts come from: documents, web pages, decisions, data sets. */
export function createSourcesService(database: Database) {
  return {
    async list(_actor: Actor, query: SourceListQuery): Promise<PageResult<Source>> {
      const page = await listSources(database.db, query);
      return { ...page, items: page.items.map(present) };
    },

    async get(_actor: Actor, id: string): Promise<Source> {
      const row = await findSource(database.db, id);
      if (!row) throw notFound(entity, id);
      return present(row);
    },

    async create(actor: Actor, input: SourceCreate, executor?: Executor): Promise<Source> {
      const work = async (trx: Executor) =>
        present(await insertSource(trx, { ...input, id: newId(), searchText: sourceSearchText(input) }));
      return executor ? work(executor) : inTransaction(database, actor, work);
    },

    async update(actor: Actor, id: string, patch: SourceUpdate): Promise<Source> {
      return inTransaction(database, actor, async (trx) => {
        const current = assertCurrentVersion(
          entity,
          id,
          await findSource(trx, id, { forUpdate: true }),
          patch.version,
        );
        const { version: _version, ...fields } = patch;
        const row = await updateSource(trx, current.id, {
          ...fields,
          searchText: sourceSearchText({
            title: fields.title ?? current.title,
            publisher: fields.publisher === undefined ? current.publisher : fields.publisher,
          }),
        });
        return present(row);
      });
    },

    /** Deletes a source that no record cites; a cited one gets 409 `source.in_use`. */
    async remove(actor: Actor, id: string, version?: number): Promise<void> {
      await inTransaction(database, actor, async (trx) => {
        const current = assertCurrentVersion(
          entity,
          id,
          await findSource(trx, id, { forUpdate: true }),
          version,
        );
        const citing = await findTablesCitingSource(trx, current.id);
        if (citing.length > 0) {
          throw new AppError(
            'source.in_use',
            409,
            `The source is still cited by ${citing.join(', ')}. Change those records' source first.`,
          );
        }
        await deleteSource(trx, current.id);
      });
    },
  };
}

export type SourcesService = ReturnType<typeof createSourcesService>;
