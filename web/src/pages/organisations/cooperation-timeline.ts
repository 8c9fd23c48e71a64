import type { Schemas } from '../../api/client';

type Relations = Schemas['OrganisationRelations'];

/** One dated tie of an organisation, as the timeline lists it. */
export interface TimelineEntry {
  kind: 'membership' | 'partnership' | 'project' | 'activity';
  id: string;
  /** Where the entry leads: the other organisation, the partnership, project or activity. */
  path: string;
  /** The other party or the title. */
  title: string;
  /** A vocabulary value to label the entry with: membership role, partnership type, activity type. */
  detail: string;
  /** The partial ISO date the entry is placed by. */
  date: string | null;
}

export interface TimelineYear {
  /** The year, or null for ties without a date. */
  year: number | null;
  entries: TimelineEntry[];
}

function yearOf(date: string | null): number | null {
  if (!date) return null;
  const year = Number(date.slice(0, 4));
  return Number.isInteger(year) ? year : null;
}

/** Every tie of an organisation, placed by the year it began, the latest year first, undated last. */
export function cooperationByYear(relations: Relations): TimelineYear[] {
  const entries: TimelineEntry[] = [
    ...relations.memberships.map((membership) => ({
      kind: 'membership' as const,
      id: membership.id,
      path: `/organisations/${membership.other.slug}`,
      title: membership.other.name,
      detail: membership.direction,
      date: membership.since,
    })),
    ...relations.partnerships.map((partnership) => ({
      kind: 'partnership' as const,
      id: partnership.id,
      path: `/partnerships/${partnership.id}`,
      title: partnership.other.name,
      detail: partnership.type,
      date: partnership.startedOn ?? partnership.signedOn,
    })),
    ...relations.projects.map((project) => ({
      kind: 'project' as const,
      id: project.id,
      path: `/projects/${project.slug}`,
      title: project.acronym ?? project.title,
      detail: project.role,
      date: project.startsOn,
    })),
    ...relations.activities.map((activity) => ({
      kind: 'activity' as const,
      id: activity.id,
      path: `/activities/${activity.id}`,
      title: activity.title,
      detail: activity.type,
      date: activity.startsOn,
    })),
  ];
  const byYear = new Map<number | null, TimelineEntry[]>();
  for (const entry of entries) {
    const year = yearOf(entry.date);
    byYear.set(year, [...(byYear.get(year) ?? []), entry]);
  }
  return [...byYear.entries()]
    .map(([year, yearEntries]) => ({
      year,
      entries: yearEntries.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '')),
    }))
    .sort((a, b) => (a.year === null ? 1 : b.year === null ? -1 : b.year - a.year));
}
