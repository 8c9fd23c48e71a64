import type { Schemas } from '../../api/client';
import { optionalText } from '../form-values';

type SourceCreate = Schemas['SourceCreate'];

/** The kinds of source, as the API's schema names them. */
export const sourceKinds = [
  'web_page',
  'document',
  'decision',
  'dataset',
  'person',
  'other',
] as const satisfies readonly SourceCreate['kind'][];

/** A source of facts as its form edits it. */
export interface SourceValues {
  kind: string;
  title: string;
  url: string;
  language: string;
  publisher: string;
  publishedOn: string;
  notes: string;
}

export function newSourceValues(): SourceValues {
  return { kind: 'web_page', title: '', url: '', language: '', publisher: '', publishedOn: '', notes: '' };
}

export function sourceValues(source: Schemas['Source']): SourceValues {
  return {
    kind: source.kind,
    title: source.title,
    url: source.url ?? '',
    language: source.language ?? '',
    publisher: source.publisher ?? '',
    publishedOn: source.publishedOn ?? '',
    notes: source.notes ?? '',
  };
}

export function sourceBody(values: SourceValues): SourceCreate {
  return {
    kind: values.kind as SourceCreate['kind'],
    title: values.title.trim(),
    url: optionalText(values.url),
    language: optionalText(values.language),
    publisher: optionalText(values.publisher),
    publishedOn: optionalText(values.publishedOn),
    notes: optionalText(values.notes),
  };
}
