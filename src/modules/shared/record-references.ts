import type { Executor } from '../../platform/db/database.js';
import type { FieldError } from '../../platform/errors.js';
import { findSource } from '../sources/sources.repository.js';
import { findUnknownThemeCodes } from '../themes/themes.repository.js';

/**
 * Checks the references most records carry: theme codes must name themes and a source id must name a
 * source. Returns field errors rather than throwing, so a service reports every problem at once.
 */
export async function checkReferences(
  db: Executor,
  references: {
    themes?: readonly string[] | undefined;
    sourceId?: string | null | undefined;
    field?: string;
  },
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const unknown = await findUnknownThemeCodes(db, references.themes ?? []);
  if (unknown.length > 0) {
    errors.push({
      field: 'body.themes',
      code: 'theme.unknown',
      message: `Unknown theme code${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}.`,
    });
  }
  if (references.sourceId && !(await findSource(db, references.sourceId))) {
    errors.push({
      field: 'body.sourceId',
      code: 'source.unknown',
      message: `No source with id "${references.sourceId}".`,
    });
  }
  return errors;
}
