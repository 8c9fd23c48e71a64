import type { Updateable } from 'kysely';
import { checkProgramme, chooseDisplayTitle } from '../../domain/programme.js';
import { textInLanguage } from '../../domain/theme.js';
import type { Actor } from '../../platform/actor.js';
import type { Database, Executor } from '../../platform/db/database.js';
import { assertCurrentVersion, inTransaction, newId, type PageResult } from '../../platform/db/helpers.js';
import type { ProgrammesTable } from '../../platform/db/tables.js';
import { AppError, assertNoFieldErrors, notFound, type FieldError } from '../../platform/errors.js';
import { findOrganisationSummaries } from '../organisations/organisations.repository.js';
import { findSourceSummaries } from '../sources/sources.repository.js';
import { checkReferences } from '../shared/record-references.js';
import { findThemesByCodes, findUnknownThemeCodes } from '../themes/themes.repository.js';
import {
  deleteProgramme,
  findProgramme,
  findProgrammeOfYear,
  insertProgramme,
  listProgrammes,
  updateProgramme,
  type ProgrammeRow,
} from './programmes.repository.js';
import type {
  Programme,
  ProgrammeCreate,
  ProgrammeListQuery,
  ProgrammeUpdate,
} from './programmes.schemas.js';

const entity = 'programme';

/** Shapes stored rows as the API's programmes, with area labels in the reader's language. */
async function present(db: Executor, rows: ProgrammeRow[], language: string): Promise<Programme[]> {
  const [organisations, sources, themes] = await Promise.all([
    findOrganisationSummaries(
      db,
      rows.map((row) => row.organisationId),
    ),
    findSourceSummaries(
      db,
      rows.map((row) => row.sourceId),
    ),
    findThemesByCodes(
      db,
      rows.flatMap((row) => row.areas),
    ),
  ]);
  return rows.map((row) => {
    const { organisationId, sourceId, areas, createdAt, updatedAt, ...fields } = row;
    return {
      ...fields,
      organisation: organisations.get(organisationId)!,
      areas: areas.map((code) => {
        const labels = themes.get(code)?.labels ?? {};
        const label = textInLanguage(labels, language) ?? { text: code, language: 'en' };
        return { code, label: label.text, labelLanguage: label.language };
      }),
      source: sourceId ? (sources.get(sourceId) ?? null) : null,
      createdAt: createdAt.toISOString(),
      updatedAt: updatedAt.toISOString(),
    };
  });
}

/** Checks that the organisation, the area themes and the source exist. */
async function checkProgrammeReferences(
  db: Executor,
  references: { organisationId?: string; areas?: string[]; sourceId?: string | null },
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if (references.organisationId) {
    const found = await findOrganisationSummaries(db, [references.organisationId]);
    if (!found.has(references.organisationId)) {
      errors.push({
        field: 'body.organisationId',
        code: 'organisation.unknown',
        message: `No organisation with id "${references.organisationId}".`,
      });
    }
  }
  const unknown = await findUnknownThemeCodes(db, references.areas ?? []);
  if (unknown.length > 0) {
    errors.push({
      field: 'body.areas',
      code: 'theme.unknown',
      message: `Unknown theme code${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}.`,
    });
  }
  return [...errors, ...(await checkReferences(db, { sourceId: references.sourceId }))];
}

/** Refuses a second programme of one organisation for one year. */
async function assertNoOtherProgrammeOfYear(
  db: Executor,
  organisationId: string,
  year: number,
  exceptId?: string,
): Promise<void> {
  const existing = await findProgrammeOfYear(db, organisationId, year);
  if (existing && existing.id !== exceptId) {
    throw new AppError(
      'programme.duplicate',
      409,
      `The organisation already has a programme for ${year} (${existing.id}); change that one instead.`,
      [
        {
          field: 'body.year',
          code: 'programme.duplicate',
          message: 'There is already a programme for this year.',
        },
      ],
    );
  }
}

/** Annual programmes of international cooperation that councils adopt. */
export function createProgrammesService(database: Database) {
  return {
    async list(_actor: Actor, query: ProgrammeListQuery): Promise<PageResult<Programme>> {
      const page = await listProgrammes(database.db, query);
      return { ...page, items: await present(database.db, page.items, query.lang ?? 'en') };
    },

    async get(_actor: Actor, id: string, language = 'en'): Promise<Programme> {
      const row = await findProgramme(database.db, id);
      if (!row) throw notFound(entity, id);
      const [programme] = await present(database.db, [row], language);
      return programme!;
    },

    async create(actor: Actor, input: ProgrammeCreate, executor?: Executor): Promise<Programme> {
      const work = async (trx: Executor) => {
        assertNoFieldErrors(entity, [
          ...checkProgramme(input),
          ...(await checkProgrammeReferences(trx, input)),
        ]);
        await assertNoOtherProgrammeOfYear(trx, input.organisationId, input.year);
        const row = await insertProgramme(trx, {
          id: newId(),
          organisationId: input.organisationId,
          year: input.year,
          title: input.title,
          displayTitle: chooseDisplayTitle(input.title),
          adoptedBy: input.adoptedBy ?? {},
          adoptedOn: input.adoptedOn ?? null,
          decision: input.decision ?? {},
          areas: input.areas ?? [],
          description: input.description ?? {},
          sourceId: input.sourceId ?? null,
        });
        const [programme] = await present(trx, [row], 'en');
        return programme!;
      };
      return executor ? work(executor) : inTransaction(database, actor, work);
    },

    async update(actor: Actor, id: string, patch: ProgrammeUpdate): Promise<Programme> {
      return inTransaction(database, actor, async (trx) => {
        const current = assertCurrentVersion(
          entity,
          id,
          await findProgramme(trx, id, { forUpdate: true }),
          patch.version,
        );
        const { version: _version, ...fields } = patch;
        const organisationId = fields.organisationId ?? current.organisationId;
        const year = fields.year ?? current.year;
        const title = fields.title ?? current.title;
        assertNoFieldErrors(entity, [
          ...checkProgramme({
            year,
            title,
            adoptedOn: fields.adoptedOn === undefined ? current.adoptedOn : fields.adoptedOn,
          }),
          ...(await checkProgrammeReferences(trx, fields)),
        ]);
        if (organisationId !== current.organisationId || year !== current.year) {
          await assertNoOtherProgrammeOfYear(trx, organisationId, year, current.id);
        }
        const row = await updateProgramme(trx, current.id, {
          ...(fields as Updateable<ProgrammesTable>),
          displayTitle: chooseDisplayTitle(title),
        });
        const [programme] = await present(trx, [row], 'en');
        return programme!;
      });
    },

    async remove(actor: Actor, id: string, version?: number): Promise<void> {
      await inTransaction(database, actor, async (trx) => {
        const current = assertCurrentVersion(
          entity,
          id,
          await findProgramme(trx, id, { forUpdate: true }),
          version,
        );
        await deleteProgramme(trx, current.id);
      });
    },
  };
}

export type ProgrammesService = ReturnType<typeof createProgrammesService>;
