import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import { useFormat } from '../i18n/format';
import type { MessageId } from '../i18n/messages';
import { useT } from '../i18n/use-t';
import { useVocabulary, type VocabularyGroup } from './vocabulary';

/**
 * How a record's history names its fields and shows their values: the labels the record's page and form
 * use, vocabulary values in the reader's language, dates and countries formatted for the reader.
 */

/** Field labels shared by every kind of record. */
const fieldLabels: Partial<Record<string, MessageId>> = {
  displayName: 'organisation.name',
  name: 'organisation.name',
  kind: 'list.kind',
  slug: 'form.slug',
  country: 'organisation.country',
  lauCode: 'organisation.lauCode',
  nutsCode: 'organisation.nutsCode',
  geonamesId: 'form.organisation.geonamesId',
  wikidataId: 'form.organisation.wikidataId',
  population: 'organisation.population',
  latitude: 'form.organisation.latitude',
  longitude: 'form.organisation.longitude',
  website: 'organisation.website',
  foundedOn: 'organisation.founded',
  description: 'form.description',
  themes: 'common.themes',
  sourceId: 'form.sourceId',
  language: 'organisation.language',
  script: 'organisation.script',
  organisationId: 'organisation.organisation',
  memberId: 'form.membership.member',
  role: 'common.role',
  since: 'form.membership.since',
  until: 'form.membership.until',
  organisationAId: 'form.partnership.organisationA',
  organisationBId: 'form.partnership.organisationB',
  type: 'partnership.type',
  status: 'partnership.status',
  signedOn: 'form.partnership.signedOn',
  startedOn: 'form.partnership.startedOn',
  endedOn: 'form.partnership.endedOn',
  agreementUrl: 'form.partnership.agreementUrl',
  confirmedByA: 'form.partnership.confirmedByA',
  confirmedByB: 'form.partnership.confirmedByB',
  confirmation: 'confirmation.heading',
  claimedBy: 'confirmation.field.claimedBy',
  confirmationNote: 'confirmation.dispute.reason',
  confirmationChangedAt: 'confirmation.field.changedAt',
  title: 'form.title',
  displayTitle: 'form.title',
  acronym: 'form.project.acronym',
  programme: 'project.programme',
  call: 'project.call',
  fund: 'project.fund',
  startsOn: 'form.startsOn',
  endsOn: 'form.endsOn',
  durationMonths: 'form.project.durationMonths',
  totalBudget: 'project.totalBudget',
  currency: 'form.currency',
  objectives: 'project.objectives',
  expectedResults: 'project.expectedResults',
  budget: 'project.budget',
  coFinancingRate: 'form.project.coFinancingRate',
  coFinancingFund: 'form.project.coFinancingFund',
  projectId: 'activity.project',
  activityId: 'history.entity.activity',
  placeName: 'activity.place',
  outcomes: 'activity.outcomes',
  code: 'form.theme.code',
  labels: 'form.theme.labels',
  taxonomy: 'theme.taxonomy',
  year: 'list.year',
  adoptedBy: 'form.programme.adoptedBy',
  adoptedOn: 'form.programme.adoptedOn',
  decision: 'form.programme.decision',
  areas: 'form.programme.areas',
  url: 'form.source.url',
  publisher: 'form.source.publisher',
  publishedOn: 'form.source.publishedOn',
  notes: 'form.source.notes',
  email: 'contacts.email',
  phone: 'contacts.phone',
  erasedAt: 'contacts.erasedAt',
};

/** Labels that depend on the kind of record: a name's position is its order, a contact's their post. */
const entityFieldLabels: Partial<Record<string, Partial<Record<string, MessageId>>>> = {
  name: { kind: 'organisation.nameKind', position: 'history.field.order' },
  project_partner: { position: 'history.field.order' },
  activity_participant: { position: 'history.field.order' },
  theme: { position: 'form.theme.position' },
  membership: { organisationId: 'form.membership.organisation' },
  source: { kind: 'form.source.kind', title: 'form.source.title', language: 'form.source.language' },
  contact: { name: 'contacts.name', position: 'contacts.position', notes: 'contacts.notes' },
};

/** Fields whose values come from a controlled vocabulary, by kind of record. */
const vocabularyFields: Partial<Record<string, Partial<Record<string, VocabularyGroup>>>> = {
  organisation: { kind: 'organisationKind' },
  name: { kind: 'nameKind' },
  membership: { role: 'membershipRole' },
  partnership: { type: 'partnershipType', status: 'partnershipStatus' },
  project: { status: 'projectStatus' },
  project_partner: { role: 'projectPartnerRole' },
  activity: { type: 'activityType' },
  activity_participant: { role: 'activityParticipantRole' },
  theme: { taxonomy: 'themeTaxonomy' },
};

const partialDate = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const timestamp = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;
const maxLength = 300;

function shorten(text: string): string {
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.keys(value).length === 0;
}

/** `agreementUrl` → `agreement url`: the last resort for a field no label names. */
function humanise(field: string): string {
  return field.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

/** The label of a field of a kind of record. */
export function useFieldLabel(): (entity: string, field: string) => string {
  const t = useT();
  return useCallback(
    (entity: string, field: string) => {
      const id = entityFieldLabels[entity]?.[field] ?? fieldLabels[field];
      return id ? t(id) : humanise(field);
    },
    [t],
  );
}

/** A field's value as words: `null` when it had none (the caller says so). */
export function useFieldValue(): (entity: string, field: string, value: unknown) => string | null {
  const t = useT();
  const intl = useIntl();
  const format = useFormat();
  const vocabulary = useVocabulary();
  return useCallback(
    (entity: string, field: string, value: unknown): string | null => {
      if (isEmpty(value)) return null;
      if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
      if (typeof value === 'number') return field.endsWith('Id') ? String(value) : format.number(value);
      if (Array.isArray(value)) return shorten(value.map((item) => String(item)).join(', '));
      if (typeof value === 'object') {
        const texts = Object.entries(value as Record<string, unknown>).map(
          ([language, text]) => `${format.language(language)}: ${String(text)}`,
        );
        return shorten(texts.join(' · '));
      }
      const text = String(value);
      if (field === 'confirmation') {
        const id = `confirmation.state.${text}`;
        if (id in intl.messages) return t(id as MessageId);
      }
      const group = vocabularyFields[entity]?.[field];
      if (group) return vocabulary[group](text);
      if (field === 'country' && /^[A-Z]{2}$/.test(text)) return `${format.country(text)} (${text})`;
      if (field === 'language' && /^[a-z]{2,3}(-[A-Z][a-z]{3})?$/.test(text)) return format.language(text);
      if (field === 'script' && /^[A-Z][a-z]{3}$/.test(text)) return format.script(text);
      if (partialDate.test(text)) return format.partialDate(text);
      if (timestamp.test(text)) return intl.formatDate(text, { dateStyle: 'medium', timeStyle: 'short' });
      return shorten(text);
    },
    [t, intl, format, vocabulary],
  );
}
