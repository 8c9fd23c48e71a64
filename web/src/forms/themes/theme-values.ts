import type { Schemas } from '../../api/client';
import {
  fromLocalisedRows,
  numberValue,
  optionalNumber,
  toLocalisedRows,
  type LocalisedRow,
} from '../form-values';
import { pickedSource, type PickedSource } from '../picked';

type Theme = Schemas['Theme'];
type ThemeCreate = Schemas['ThemeCreate'];

/** A theme as its form edits it; keys are the API's field names. */
export interface ThemeValues {
  code: string;
  taxonomy: string;
  position: number | string;
  labels: LocalisedRow[];
  sourceId: PickedSource | null;
}

/** A new theme: a custom one, labelled first in English (which every theme needs). */
export function newThemeValues(): ThemeValues {
  return { code: '', taxonomy: 'custom', position: '', labels: toLocalisedRows({}, 'en'), sourceId: null };
}

export function themeValues(theme: Theme): ThemeValues {
  return {
    code: theme.code,
    taxonomy: theme.taxonomy,
    position: numberValue(theme.position),
    labels: toLocalisedRows(theme.labels, 'en'),
    sourceId: pickedSource(theme.source),
  };
}

export function themeBody(values: ThemeValues): ThemeCreate {
  const position = optionalNumber(values.position);
  return {
    code: values.code.trim(),
    taxonomy: values.taxonomy as ThemeCreate['taxonomy'],
    ...(position === null ? {} : { position }),
    labels: fromLocalisedRows(values.labels),
    sourceId: values.sourceId?.id ?? null,
  };
}
