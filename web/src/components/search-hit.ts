import type { Schemas } from '../api/client';
import type { MessageId } from '../i18n/messages';

export type SearchHit = Schemas['SearchHit'];
export type SearchHitType = SearchHit['type'];

/** The order and headings of result groups. */
export const searchHitGroups: { type: SearchHitType; label: MessageId }[] = [
  { type: 'organisation', label: 'search.group.organisation' },
  { type: 'place', label: 'search.group.place' },
  { type: 'project', label: 'search.group.project' },
  { type: 'activity', label: 'search.group.activity' },
];

/** The page a search hit leads to: a place already in the registry leads to its organisation. */
export function searchHitPath(hit: SearchHit): string {
  switch (hit.type) {
    case 'organisation':
      return `/organisations/${hit.ids.slug ?? hit.id}`;
    case 'place':
      return hit.ids.slug ? `/organisations/${hit.ids.slug}` : `/places/${hit.id}`;
    case 'project':
      return `/projects/${hit.ids.slug ?? hit.id}`;
    case 'activity':
      return `/activities/${hit.id}`;
  }
}

/** Whether the hit was found under another name than the one shown (`Беч (sr) → Vienna`). */
export function isMatchedByOtherName(hit: SearchHit): boolean {
  return hit.label !== hit.name;
}
