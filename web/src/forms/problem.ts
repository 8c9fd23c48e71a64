/**
 * How a form reads the server's refusals: RFC 9457 problem details with field errors named like
 * `body.partners.1.budget`. The server is the one validator; these functions only place its verdicts
 * beside the right field and word them in the reader's language when the catalogue knows the code.
 */
import { ApiError, type Problem } from '../api/client';
import type { MessageId } from '../i18n/messages';

export type FieldError = NonNullable<Problem['errors']>[number];

/** Words to show: a catalogue message, or the server's own (English) words when the catalogue has none. */
export type FormMessage = { id: MessageId; values?: Record<string, string | number> } | { text: string };

/** The form's path of an API field: `body.partners.1.budget` → `partners.1.budget`. */
export function formPath(field: string): string {
  return field.replace(/^body(\.|$)/, '');
}

/** Whether an error is a 409 because the record changed since it was read (`partnership.version_conflict`). */
export function isVersionConflict(error: unknown): boolean {
  return (
    error instanceof ApiError && error.status === 409 && /\.version_conflict$/.test(error.problem?.code ?? '')
  );
}

// AJV reports a nullable field three times (pattern, "must be null", anyOf); the first specific one is
// what the reader needs.
const vagueCodes = new Set(['validation.anyOf', 'validation.oneOf', 'validation.type']);

/** One error per form field, the most specific the server gave, in the server's order. */
export function errorsByPath(errors: readonly FieldError[]): Map<string, FieldError> {
  const byPath = new Map<string, FieldError>();
  for (const error of errors) {
    const path = formPath(error.field);
    const known = byPath.get(path);
    if (!known || (vagueCodes.has(known.code) && !vagueCodes.has(error.code))) byPath.set(path, error);
  }
  return byPath;
}

/** What a well-formed value of a field looks like, by the field's name (the last named segment). */
const formatHints: Record<string, MessageId> = {
  since: 'form.hint.date',
  until: 'form.hint.date',
  startedOn: 'form.hint.date',
  signedOn: 'form.hint.date',
  endedOn: 'form.hint.date',
  startsOn: 'form.hint.date',
  endsOn: 'form.hint.date',
  foundedOn: 'form.hint.date',
  adoptedOn: 'form.hint.date',
  publishedOn: 'form.hint.date',
  country: 'form.hint.country',
  currency: 'form.hint.currency',
  budget: 'form.hint.amount',
  totalBudget: 'form.hint.amount',
  coFinancingRate: 'form.hint.rate',
  website: 'form.hint.url',
  url: 'form.hint.url',
  agreementUrl: 'form.hint.url',
  slug: 'form.hint.slug',
  code: 'form.hint.code',
  wikidataId: 'form.hint.wikidata',
  nutsCode: 'form.hint.nuts',
  language: 'form.hint.language',
  organisationId: 'form.hint.choose',
  organisationAId: 'form.hint.choose',
  organisationBId: 'form.hint.choose',
  memberId: 'form.hint.choose',
  projectId: 'form.hint.choose',
  sourceId: 'form.hint.choose',
};

function fieldName(path: string): string {
  return (
    path
      .split('.')
      .filter((segment) => !/^\d+$/.test(segment))
      .at(-1) ?? ''
  );
}

/** Rules of the registry, by code, in the reader's words. */
const ruleMessages: Record<string, MessageId> = {
  'date.end_before_start': 'form.error.endBeforeStart',
  'date.invalid': 'form.hint.date',
  'partnership.self': 'form.error.partnershipSelf',
  'membership.self': 'form.error.membershipSelf',
  'organisation.country_required': 'form.error.countryRequired',
  'organisation.name_required': 'form.error.nameRequired',
  'organisation.founded_in_future': 'form.error.foundedInFuture',
  'organisation.slug_taken': 'form.error.slugTaken',
  'project.slug_taken': 'form.error.slugTaken',
  'theme.code_taken': 'form.error.codeTaken',
  'theme.english_label_required': 'form.error.englishLabelRequired',
  'theme.unknown': 'form.error.themeUnknown',
  'source.unknown': 'form.error.sourceUnknown',
  'organisation.unknown': 'form.error.organisationUnknown',
  'partnership.organisation_unknown': 'form.error.organisationUnknown',
  'membership.organisation_unknown': 'form.error.organisationUnknown',
  'project.organisation_unknown': 'form.error.organisationUnknown',
  'activity.organisation_unknown': 'form.error.organisationUnknown',
  'activity.project_unknown': 'form.error.projectUnknown',
  'project.title_required': 'form.error.titleRequired',
  'activity.title_required': 'form.error.titleRequired',
  'programme.title_required': 'form.error.titleRequired',
  'project.more_than_one_lead': 'form.error.moreThanOneLead',
  'project.partner_repeated': 'form.error.partnerRepeated',
  'activity.participant_repeated': 'form.error.partnerRepeated',
  'project.co_financing_rate_over_100': 'form.error.rateOver100',
  'programme.adopted_after_year': 'form.error.adoptedAfterYear',
  'programme.duplicate': 'form.error.programmeDuplicate',
  'auth.password_too_short': 'auth.password.tooShort',
  'auth.password_too_long': 'auth.password.tooLong',
  'auth.password_is_email': 'auth.password.isEmail',
  'auth.password_wrong': 'auth.password.wrong',
};

/** The message to show beside a field for one of the server's field errors. */
export function fieldErrorMessage(error: FieldError): FormMessage {
  const rule = ruleMessages[error.code];
  if (rule) return { id: rule };
  const hint = formatHints[fieldName(formPath(error.field))];
  switch (error.code) {
    case 'validation.required':
      return hint === 'form.hint.choose' ? { id: hint } : { id: 'form.error.required' };
    case 'validation.minLength':
      return { id: 'form.error.required' };
    case 'validation.maxLength':
      return { id: 'form.error.tooLong' };
    case 'validation.pattern':
    case 'validation.format':
    case 'validation.type':
    case 'validation.anyOf':
      return { id: hint ?? 'form.error.format' };
    case 'validation.minimum':
    case 'validation.maximum':
    case 'validation.exclusiveMinimum':
    case 'validation.exclusiveMaximum':
      return { id: 'form.error.outOfRange' };
    case 'validation.minProperties':
      // An empty translatable text: a title, or a theme's labels.
      return {
        id:
          fieldName(formPath(error.field)) === 'labels'
            ? 'form.error.englishLabelRequired'
            : 'form.error.titleRequired',
      };
    case 'validation.minItems':
      return { id: 'form.error.minItems' };
    case 'validation.maxItems':
      return { id: 'form.error.maxItems' };
    case 'validation.uniqueItems':
      return { id: 'form.error.repeated' };
    case 'validation.const':
    case 'validation.enum':
      return { id: 'form.error.choice' };
    default:
      return { text: error.message };
  }
}

/** Problems that concern the whole record rather than one field, by code, in the reader's words. */
const recordMessages: Record<string, MessageId> = {
  'partnership.duplicate': 'form.error.partnershipDuplicate',
  'membership.duplicate': 'form.error.membershipDuplicate',
  'record.duplicate': 'form.error.recordDuplicate',
  'source.in_use': 'form.error.inUse',
  'theme.in_use': 'form.error.inUse',
  'auth.token_invalid': 'auth.problem.tokenInvalid',
  'auth.two_factor_enrolment_required': 'auth.problem.twoFactorEnrolment',
};

/** The message for a failed request that has no field errors (or a failure that is not the server's). */
export function recordErrorMessage(error: unknown): FormMessage {
  if (!(error instanceof ApiError)) return { id: 'common.networkError' };
  const code = error.problem?.code ?? '';
  const known = recordMessages[code];
  if (known) return { id: known };
  if (error.isNotFound) return { id: 'form.error.notFound' };
  if (code === 'auth.csrf_invalid') return { id: 'auth.problem.csrf' };
  if (error.isSignInNeeded) return { id: 'auth.required.text' };
  if (error.isForbidden) return { id: 'auth.denied.text' };
  return { text: error.message };
}
