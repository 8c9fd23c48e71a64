import type { Insertable, Updateable } from 'kysely';
import {
  checkOrganisation,
  chooseDisplayName,
  organisationSearchText,
  prepareNames,
  type PreparedName,
} from '../../domain/organisation.js';
import { toSlug } from '../../domain/search-key.js';
import type { OrganisationKind } from '../../domain/vocabulary.js';
import type { Actor } from '../../platform/actor.js';
import type { Database, Executor } from '../../platform/db/database.js';
import { assertCurrentVersion, inTransaction, newId, type PageResult } from '../../platform/db/helpers.js';
import type { OrganisationsTable } from '../../platform/db/tables.js';
import { AppError, assertNoFieldErrors, notFound, type FieldError } from '../../platform/errors.js';
import { findSourceSummaries } from '../sources/sources.repository.js';
import { checkReferences } from '../shared/record-references.js';
import {
  deleteOrganisation,
  findNames,
  findOrganisation,
  insertOrganisation,
  isSlugTaken,
  listOrganisations,
  replaceNames,
  updateOrganisation,
  type NameRow,
  type OrganisationRow,
} from './organisations.repository.js';
import type {
  Organisation,
  OrganisationCreate,
  OrganisationListQuery,
  OrganisationUpdate,
} from './organisations.schemas.js';
import { indexOrganisation } from '../search/search-index.js';

const entity = 'organisation';

/** Shapes stored rows as the API's organisation. */
async function present(db: Executor, rows: OrganisationRow[]): Promise<Organisation[]> {
  const ids = rows.map((row) => row.id);
  const [names, sources] = await Promise.all([
    findNames(db, ids),
    findSourceSummaries(
      db,
      rows.map((row) => row.sourceId),
    ),
  ]);
  return rows.map((row) => {
    const { displayName, searchText: _searchText, sourceId, createdAt, updatedAt, ...fields } = row;
    return {
      ...fields,
      name: displayName,
      names: (names.get(row.id) ?? []).map(({ name, language, script, kind }: NameRow) => ({
        name,
        language,
        script,
        kind,
      })),
      source: sourceId ? (sources.get(sourceId) ?? null) : null,
      createdAt: createdAt.toISOString(),
      updatedAt: updatedAt.toISOString(),
    };
  });
}

async function uniqueSlug(db: Executor, base: string): Promise<string> {
  let slug = base;
  for (let suffix = 2; await isSlugTaken(db, slug); suffix += 1) slug = `${base}-${suffix}`;
  return slug;
}

function nameRows(organisationId: string, names: PreparedName[]) {
  return names.map((name) => ({ id: newId(), organisationId, ...name }));
}

/** The registry's organisations: every actor, authority or not, with its names. */
export function createOrganisationsService(database: Database) {
  return {
    async list(_actor: Actor, query: OrganisationListQuery): Promise<PageResult<Organisation>> {
      const page = await listOrganisations(database.db, query);
      return { ...page, items: await present(database.db, page.items) };
    },

    async get(_actor: Actor, idOrSlug: string): Promise<Organisation> {
      const row = await findOrganisation(database.db, idOrSlug);
      if (!row) throw notFound(entity, idOrSlug);
      const [organisation] = await present(database.db, [row]);
      return organisation!;
    },

    async create(actor: Actor, input: OrganisationCreate, executor?: Executor): Promise<Organisation> {
      const work = async (trx: Executor) => {
        assertNoFieldErrors(entity, [
          ...checkOrganisation(input),
          ...(await checkReferences(trx, { themes: input.themes, sourceId: input.sourceId })),
        ]);
        const names = prepareNames(input.names);
        const displayName = chooseDisplayName(names);
        if (input.slug && (await isSlugTaken(trx, input.slug))) {
          throw new AppError(
            'organisation.slug_taken',
            409,
            `The slug "${input.slug}" is already used by another organisation.`,
            [{ field: 'body.slug', code: 'organisation.slug_taken', message: 'This slug is already used.' }],
          );
        }
        const slug = input.slug ?? (await uniqueSlug(trx, toSlug(displayName)));
        const { names: _names, slug: _slug, ...fields } = input;
        const row = await insertOrganisation(trx, {
          ...(fields as Omit<Insertable<OrganisationsTable>, 'id'>),
          id: newId(),
          slug,
          displayName,
          description: input.description ?? {},
          themes: input.themes ?? [],
          searchText: organisationSearchText(names, slug),
        });
        await replaceNames(trx, row.id, nameRows(row.id, names));
        await indexOrganisation(trx, row.id);
        const [organisation] = await present(trx, [row]);
        return organisation!;
      };
      return executor ? work(executor) : inTransaction(database, actor, work);
    },

    async update(actor: Actor, idOrSlug: string, patch: OrganisationUpdate): Promise<Organisation> {
      return inTransaction(database, actor, async (trx) => {
        const current = assertCurrentVersion(
          entity,
          idOrSlug,
          await findOrganisation(trx, idOrSlug, { forUpdate: true }),
          patch.version,
        );
        const { version: _version, names: newNames, ...fields } = patch;
        const currentNames = (await findNames(trx, [current.id])).get(current.id) ?? [];
        const names = newNames
          ? prepareNames(newNames)
          : currentNames.map((name) => ({ ...name, kind: name.kind as PreparedName['kind'] }));
        const errors: FieldError[] = [
          ...checkOrganisation({
            kind: (fields.kind ?? current.kind) as OrganisationKind,
            country: fields.country === undefined ? current.country : fields.country,
            foundedOn: fields.foundedOn === undefined ? current.foundedOn : fields.foundedOn,
            names,
          }),
          ...(await checkReferences(trx, { themes: fields.themes, sourceId: fields.sourceId })),
        ];
        assertNoFieldErrors(entity, errors);
        if (fields.slug && fields.slug !== current.slug && (await isSlugTaken(trx, fields.slug))) {
          throw new AppError(
            'organisation.slug_taken',
            409,
            `The slug "${fields.slug}" is already used by another organisation.`,
          );
        }
        const slug = fields.slug ?? current.slug;
        const row = await updateOrganisation(trx, current.id, {
          ...(fields as Updateable<OrganisationsTable>),
          displayName: chooseDisplayName(names),
          searchText: organisationSearchText(names, slug),
        });
        if (newNames) await replaceNames(trx, current.id, nameRows(current.id, names));
        await indexOrganisation(trx, current.id);
        const [organisation] = await present(trx, [row]);
        return organisation!;
      });
    },

    async remove(actor: Actor, idOrSlug: string, version?: number): Promise<void> {
      await inTransaction(database, actor, async (trx) => {
        const current = assertCurrentVersion(
          entity,
          idOrSlug,
          await findOrganisation(trx, idOrSlug, { forUpdate: true }),
          version,
        );
        await deleteOrganisation(trx, current.id);
        await indexOrganisation(trx, current.id);
      });
    },
  };
}

export type OrganisationsService = ReturnType<typeof createOrganisationsService>;
