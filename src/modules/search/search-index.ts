import { termsForNames, importanceOf } from '../../domain/search-terms.js';
import type { Executor } from '../../platform/db/database.js';
import type { LocalisedText } from '../../platform/db/tables.js';
import { countIndexedRegistryRecords, deleteTerms, replaceTerms } from './search.repository.js';

/**
 * Keeps the search index in step with the registry: services call these in the same transaction as
 * the write, so a record is findable exactly when it exists.
 */

/** Names of a localised text, for indexing titles: each language's text is a name in that language. */
function localisedNames(text: LocalisedText): { name: string; language: string }[] {
  return Object.entries(text).map(([language, name]) => ({ name, language: language.split('-')[0]! }));
}

/** Indexes every name of an organisation (after a create or an update). */
export async function indexOrganisation(db: Executor, id: string): Promise<void> {
  const organisation = await db
    .selectFrom('organisations')
    .select(['id', 'population', 'country'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!organisation) return deleteTerms(db, 'organisation', id);
  const names = await db
    .selectFrom('names')
    .select(['name', 'language'])
    .where('organisationId', '=', id)
    .execute();
  await replaceTerms(
    db,
    {
      type: 'organisation',
      id,
      importance: importanceOf(organisation.population),
      country: organisation.country,
    },
    termsForNames(names),
  );
}

/** Indexes a project's titles and acronym. */
export async function indexProject(db: Executor, id: string): Promise<void> {
  const project = await db
    .selectFrom('projects')
    .select(['title', 'acronym'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!project) return deleteTerms(db, 'project', id);
  const names = [
    ...localisedNames(project.title),
    ...(project.acronym ? [{ name: project.acronym, language: 'und' }] : []),
  ];
  await replaceTerms(db, { type: 'project', id, importance: 0, country: null }, termsForNames(names));
}

/** Indexes an activity's titles. */
export async function indexActivity(db: Executor, id: string): Promise<void> {
  const activity = await db
    .selectFrom('activities')
    .select(['title', 'country'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!activity) return deleteTerms(db, 'activity', id);
  await replaceTerms(
    db,
    { type: 'activity', id, importance: 0, country: activity.country },
    termsForNames(localisedNames(activity.title)),
  );
}

/** Rebuilds the index of every registry record (after an import of a dump, or when the index is new). */
export async function reindexRegistry(db: Executor): Promise<number> {
  await db
    .deleteFrom('searchTerms')
    .where('entityType', 'in', ['organisation', 'project', 'activity'])
    .execute();
  const [organisations, projects, activities] = await Promise.all([
    db.selectFrom('organisations').select('id').execute(),
    db.selectFrom('projects').select('id').execute(),
    db.selectFrom('activities').select('id').execute(),
  ]);
  for (const { id } of organisations) await indexOrganisation(db, id);
  for (const { id } of projects) await indexProject(db, id);
  for (const { id } of activities) await indexActivity(db, id);
  return organisations.length + projects.length + activities.length;
}

/** Builds the index of the registry's records when the database holds records but the index none of them. */
export async function ensureRegistryIndexed(db: Executor): Promise<number> {
  const [{ count } = { count: 0 }] = await db
    .selectFrom('organisations')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .execute();
  if (count === 0 || (await countIndexedRegistryRecords(db)) > 0) return 0;
  return reindexRegistry(db);
}
