import type { Insertable, Updateable } from 'kysely';
import {
  checkProject,
  chooseDisplayTitle,
  orderPartners,
  partnerTotals,
  projectSearchText,
} from '../../domain/project.js';
import { toSlug } from '../../domain/search-key.js';
import type { Actor } from '../../platform/actor.js';
import type { Database, Executor } from '../../platform/db/database.js';
import { assertCurrentVersion, inTransaction, newId, type PageResult } from '../../platform/db/helpers.js';
import type { ProjectPartnersTable, ProjectsTable } from '../../platform/db/tables.js';
import { AppError, assertNoFieldErrors, notFound, type FieldError } from '../../platform/errors.js';
import { findOrganisationSummaries } from '../organisations/organisations.repository.js';
import { checkReferences } from '../shared/record-references.js';
import { findSourceSummaries } from '../sources/sources.repository.js';
import {
  deleteProject,
  findPartners,
  findProject,
  insertProject,
  isSlugTaken,
  listProjects,
  replacePartners,
  updateProject,
  type ProjectRow,
} from './projects.repository.js';
import type {
  Project,
  ProjectCreate,
  ProjectListQuery,
  ProjectPartner,
  ProjectPartnerInput,
  ProjectUpdate,
} from './projects.schemas.js';
import { indexProject } from '../search/search-index.js';
import type { ConfirmationFacts } from '../../domain/confirmation.js';
import { presentConfirmation } from '../confirmation/confirmation.schemas.js';
import { partnerConfirmations } from '../confirmation/confirmation.service.js';

const entity = 'project';

/** Shapes stored rows as the API's project, loading partners, organisations and sources in batches. */
async function present(db: Executor, rows: ProjectRow[]): Promise<Project[]> {
  const partners = await findPartners(
    db,
    rows.map((row) => row.id),
  );
  const [organisations, sources] = await Promise.all([
    findOrganisationSummaries(
      db,
      [...partners.values()].flat().map((partner) => partner.organisationId),
    ),
    findSourceSummaries(
      db,
      rows.map((row) => row.sourceId),
    ),
  ]);
  return rows.map((row) => {
    const { searchText: _searchText, sourceId, createdAt, updatedAt, ...fields } = row;
    const stored = orderPartners(partners.get(row.id) ?? []);
    const shown = stored.flatMap((partner): ProjectPartner[] => {
      const organisation = organisations.get(partner.organisationId);
      if (!organisation) return [];
      const { role, budget, currency, coFinancingRate, coFinancingFund } = partner;
      const confirmation = presentConfirmation(partner);
      return [{ organisation, role, budget, currency, coFinancingRate, coFinancingFund, confirmation }];
    });
    return {
      ...fields,
      partners: shown,
      totals: partnerTotals(row.currency, stored),
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

function slugTaken(slug: string): AppError {
  return new AppError('project.slug_taken', 409, `The slug "${slug}" is already used by another project.`, [
    { field: 'body.slug', code: 'project.slug_taken', message: 'This slug is already used.' },
  ]);
}

/** Organisation ids compare as stored: lower case. */
function normalisePartners(partners: readonly ProjectPartnerInput[]): ProjectPartnerInput[] {
  return partners.map((partner) => ({ ...partner, organisationId: partner.organisationId.toLowerCase() }));
}

/** Every partner must be an organisation of the registry. */
async function checkPartnerOrganisations(
  db: Executor,
  partners: readonly ProjectPartnerInput[],
): Promise<FieldError[]> {
  const known = await findOrganisationSummaries(
    db,
    partners.map((partner) => partner.organisationId),
  );
  return partners.flatMap((partner, index) =>
    known.has(partner.organisationId)
      ? []
      : [
          {
            field: `body.partners.${index}.organisationId`,
            code: 'project.organisation_unknown',
            message: `No organisation with id "${partner.organisationId}".`,
          },
        ],
  );
}

function partnerRows(
  projectId: string,
  partners: readonly ProjectPartnerInput[],
  confirmations: readonly ConfirmationFacts[],
): Insertable<ProjectPartnersTable>[] {
  return partners.map((partner, position) => ({
    ...confirmations[position],
    id: newId(),
    projectId,
    organisationId: partner.organisationId,
    role: partner.role,
    budget: partner.budget ?? null,
    currency: partner.currency ?? 'EUR',
    coFinancingRate: partner.coFinancingRate ?? null,
    coFinancingFund: partner.coFinancingFund ?? null,
    position,
  }));
}

/** Projects: funded joint work of organisations, with partners, budgets and co-financing. */
export function createProjectsService(database: Database) {
  return {
    async list(_actor: Actor, query: ProjectListQuery): Promise<PageResult<Project>> {
      const page = await listProjects(database.db, query);
      return { ...page, items: await present(database.db, page.items) };
    },

    async get(_actor: Actor, idOrSlug: string): Promise<Project> {
      const row = await findProject(database.db, idOrSlug);
      if (!row) throw notFound(entity, idOrSlug);
      const [project] = await present(database.db, [row]);
      return project!;
    },

    async create(actor: Actor, input: ProjectCreate, executor?: Executor): Promise<Project> {
      const work = async (trx: Executor) => {
        const partners = normalisePartners(input.partners ?? []);
        assertNoFieldErrors(entity, [
          ...checkProject({ title: input.title, startsOn: input.startsOn, endsOn: input.endsOn, partners }),
          ...(await checkPartnerOrganisations(trx, partners)),
          ...(await checkReferences(trx, { themes: input.themes, sourceId: input.sourceId })),
        ]);
        const displayTitle = chooseDisplayTitle(input.title);
        if (input.slug && (await isSlugTaken(trx, input.slug))) throw slugTaken(input.slug);
        const slug = input.slug ?? (await uniqueSlug(trx, toSlug(input.acronym ?? displayTitle)));
        const { partners: _partners, slug: _slug, ...fields } = input;
        const row = await insertProject(trx, {
          ...(fields as Omit<Insertable<ProjectsTable>, 'id'>),
          id: newId(),
          slug,
          displayTitle,
          currency: input.currency ?? 'EUR',
          objectives: input.objectives ?? {},
          expectedResults: input.expectedResults ?? {},
          description: input.description ?? {},
          themes: input.themes ?? [],
          searchText: projectSearchText(input),
        });
        const confirmations = await partnerConfirmations(trx, actor, [], partners);
        await replacePartners(trx, row.id, partnerRows(row.id, partners, confirmations));
        await indexProject(trx, row.id);
        const [project] = await present(trx, [row]);
        return project!;
      };
      return executor ? work(executor) : inTransaction(database, actor, work);
    },

    /** Changes a project; `partners`, when given, replaces the whole list. */
    async update(actor: Actor, idOrSlug: string, patch: ProjectUpdate): Promise<Project> {
      return inTransaction(database, actor, async (trx) => {
        const current = assertCurrentVersion(
          entity,
          idOrSlug,
          await findProject(trx, idOrSlug, { forUpdate: true }),
          patch.version,
        );
        const { version: _version, partners: newPartners, ...fields } = patch;
        const partners = newPartners ? normalisePartners(newPartners) : undefined;
        const title = fields.title ?? current.title;
        const acronym = fields.acronym === undefined ? current.acronym : fields.acronym;
        assertNoFieldErrors(entity, [
          ...checkProject({
            title,
            startsOn: fields.startsOn === undefined ? current.startsOn : fields.startsOn,
            endsOn: fields.endsOn === undefined ? current.endsOn : fields.endsOn,
            partners,
          }),
          ...(partners ? await checkPartnerOrganisations(trx, partners) : []),
          ...(await checkReferences(trx, { themes: fields.themes, sourceId: fields.sourceId })),
        ]);
        if (fields.slug && fields.slug !== current.slug && (await isSlugTaken(trx, fields.slug))) {
          throw slugTaken(fields.slug);
        }
        const row = await updateProject(trx, current.id, {
          ...(fields as Updateable<ProjectsTable>),
          displayTitle: chooseDisplayTitle(title),
          searchText: projectSearchText({ acronym, title }),
        });
        if (partners) {
          const stored = (await findPartners(trx, [current.id])).get(current.id) ?? [];
          const confirmations = await partnerConfirmations(trx, actor, stored, partners);
          await replacePartners(trx, current.id, partnerRows(current.id, partners, confirmations));
        }
        await indexProject(trx, current.id);
        const [project] = await present(trx, [row]);
        return project!;
      });
    },

    /** Deletes a project with its partners; its activities stay, no longer tied to it. */
    async remove(actor: Actor, idOrSlug: string, version?: number): Promise<void> {
      await inTransaction(database, actor, async (trx) => {
        const current = assertCurrentVersion(
          entity,
          idOrSlug,
          await findProject(trx, idOrSlug, { forUpdate: true }),
          version,
        );
        await deleteProject(trx, current.id);
        await indexProject(trx, current.id);
      });
    },
  };
}

export type ProjectsService = ReturnType<typeof createProjectsService>;
