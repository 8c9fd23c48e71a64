import { checkTheme, textInLanguage, themeSearchText } from '../../domain/theme.js';
import type { Actor } from '../../platform/actor.js';
import type { Database, Executor } from '../../platform/db/database.js';
import { assertCurrentVersion, inTransaction, newId, type PageResult } from '../../platform/db/helpers.js';
import { AppError, assertNoFieldErrors, notFound } from '../../platform/errors.js';
import { findSourceSummaries } from '../sources/sources.repository.js';
import { checkReferences } from '../shared/record-references.js';
import {
  deleteTheme,
  findTablesUsingTheme,
  findTheme,
  insertTheme,
  isThemeCodeTaken,
  listThemes,
  updateTheme,
  type ThemeRow,
} from './themes.repository.js';
import type { Theme, ThemeCreate, ThemeListQuery, ThemeUpdate } from './themes.schemas.js';

const entity = 'theme';

/** Shapes stored rows as the API's themes, labelled in the reader's language. */
async function present(db: Executor, rows: ThemeRow[], language: string): Promise<Theme[]> {
  const sources = await findSourceSummaries(
    db,
    rows.map((row) => row.sourceId),
  );
  return rows.map((row) => {
    const { searchText: _searchText, sourceId, createdAt, updatedAt, ...fields } = row;
    const label = textInLanguage(row.labels, language) ?? { text: row.code, language: 'en' };
    return {
      ...fields,
      label: label.text,
      labelLanguage: label.language,
      source: sourceId ? (sources.get(sourceId) ?? null) : null,
      createdAt: createdAt.toISOString(),
      updatedAt: updatedAt.toISOString(),
    };
  });
}

function codeTaken(code: string): AppError {
  return new AppError('theme.code_taken', 409, `The theme code "${code}" is already used.`, [
    { field: 'body.code', code: 'theme.code_taken', message: 'This code is already used.' },
  ]);
}

function inUse(code: string, tables: string[], doing: string): AppError {
  return new AppError(
    'theme.in_use',
    409,
    `The theme "${code}" is still used by ${tables.join(', ')}; remove it from those records before you ${doing}.`,
  );
}

/** The multilingual taxonomy of cooperation areas records are tagged with. */
export function createThemesService(database: Database) {
  return {
    async list(_actor: Actor, query: ThemeListQuery): Promise<PageResult<Theme>> {
      const page = await listThemes(database.db, query);
      return { ...page, items: await present(database.db, page.items, query.lang ?? 'en') };
    },

    async get(_actor: Actor, idOrCode: string, language = 'en'): Promise<Theme> {
      const row = await findTheme(database.db, idOrCode);
      if (!row) throw notFound(entity, idOrCode);
      const [theme] = await present(database.db, [row], language);
      return theme!;
    },

    async create(actor: Actor, input: ThemeCreate, executor?: Executor): Promise<Theme> {
      const work = async (trx: Executor) => {
        assertNoFieldErrors(entity, [
          ...checkTheme(input),
          ...(await checkReferences(trx, { sourceId: input.sourceId })),
        ]);
        if (await isThemeCodeTaken(trx, input.code)) throw codeTaken(input.code);
        const row = await insertTheme(trx, {
          id: newId(),
          code: input.code,
          taxonomy: input.taxonomy,
          position: input.position ?? 0,
          labels: input.labels,
          sourceId: input.sourceId ?? null,
          searchText: themeSearchText(input.code, input.labels),
        });
        const [theme] = await present(trx, [row], 'en');
        return theme!;
      };
      return executor ? work(executor) : inTransaction(database, actor, work);
    },

    async update(actor: Actor, idOrCode: string, patch: ThemeUpdate): Promise<Theme> {
      return inTransaction(database, actor, async (trx) => {
        const current = assertCurrentVersion(
          entity,
          idOrCode,
          await findTheme(trx, idOrCode, { forUpdate: true }),
          patch.version,
        );
        const { version: _version, ...fields } = patch;
        const code = fields.code ?? current.code;
        const labels = fields.labels ?? current.labels;
        assertNoFieldErrors(entity, [
          ...checkTheme({ labels }),
          ...(await checkReferences(trx, { sourceId: fields.sourceId })),
        ]);
        if (code !== current.code) {
          if (await isThemeCodeTaken(trx, code)) throw codeTaken(code);
          // Records name themes by code: renaming a used one would leave them pointing at nothing.
          const using = await findTablesUsingTheme(trx, current.code);
          if (using.length > 0) throw inUse(current.code, using, 'change its code');
        }
        const row = await updateTheme(trx, current.id, {
          ...fields,
          searchText: themeSearchText(code, labels),
        });
        const [theme] = await present(trx, [row], 'en');
        return theme!;
      });
    },

    /** Deletes a theme no record uses; a used one gets 409 `theme.in_use`. */
    async remove(actor: Actor, idOrCode: string, version?: number): Promise<void> {
      await inTransaction(database, actor, async (trx) => {
        const current = assertCurrentVersion(
          entity,
          idOrCode,
          await findTheme(trx, idOrCode, { forUpdate: true }),
          version,
        );
        const using = await findTablesUsingTheme(trx, current.code);
        if (using.length > 0) throw inUse(current.code, using, 'delete it');
        await deleteTheme(trx, current.id);
      });
    },
  };
}

export type ThemesService = ReturnType<typeof createThemesService>;
