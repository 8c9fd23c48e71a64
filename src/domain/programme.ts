import type { FieldError } from './field-error.js';
import { yearOf } from './partial-date.js';

/** The facts of an annual programme that its rules look at. */
export interface ProgrammeFacts {
  year: number;
  title: Readonly<Record<string, string>>;
  adoptedOn?: string | null | undefined;
}

/** The title shown where one title is needed: the English one, else the first non-empty one. */
export function chooseDisplayTitle(title: Readonly<Record<string, string>>): string {
  const english = title.en?.trim();
  if (english) return english;
  return (
    Object.values(title)
      .find((text) => text.trim() !== '')
      ?.trim() ?? ''
  );
}

/**
 * The rules an annual programme must keep, beyond the shape its schema checks. A programme is adopted
 * before or during its year (councils often adopt it in the year itself), never after the year ends.
 */
export function checkProgramme(facts: ProgrammeFacts): FieldError[] {
  const errors: FieldError[] = [];
  if (chooseDisplayTitle(facts.title) === '') {
    errors.push({
      field: 'body.title',
      code: 'programme.title_required',
      message: 'A programme needs a title in at least one language.',
    });
  }
  if (facts.adoptedOn && yearOf(facts.adoptedOn) > facts.year) {
    errors.push({
      field: 'body.adoptedOn',
      code: 'programme.adopted_after_year',
      message: `A programme for ${facts.year} cannot be adopted after that year ends.`,
    });
  }
  return errors;
}
