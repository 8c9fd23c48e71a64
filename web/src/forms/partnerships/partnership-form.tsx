import { SimpleGrid } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { Schemas } from '../../api/client';
import { partnershipQuery } from '../../api/partnerships';
import { PageLoading, QueryState } from '../../components/query-state';
import { useLocale } from '../../i18n/locale-provider';
import { useT } from '../../i18n/use-t';
import { DeleteRecordButton } from '../delete-record';
import { HintedInput, LocalisedTextInput, PartialDateInput, VocabularySelect } from '../fields';
import { OrganisationPicker } from '../pickers';
import { usePrefilledOrganisation } from '../prefill';
import { RecordFormLayout } from '../record-form-layout';
import { partnershipWrites } from '../records';
import { SourceField } from '../sources/source-field';
import { ThemePicker } from '../theme-picker';
import { fieldId, useRecordForm } from '../use-record-form';
import {
  newPartnershipValues,
  partnershipBody,
  partnershipValues,
  type PartnershipValues,
} from './partnership-values';

type Partnership = Schemas['Partnership'];

/** The labels of a partnership's fields; the browser tests find the fields by these names. */
function usePartnershipLabels(): Record<string, string> {
  const t = useT();
  return {
    organisationAId: t('form.partnership.organisationA'),
    organisationBId: t('form.partnership.organisationB'),
    type: t('partnership.type'),
    status: t('partnership.status'),
    signedOn: t('form.partnership.signedOn'),
    startedOn: t('form.partnership.startedOn'),
    endedOn: t('form.partnership.endedOn'),
    agreementUrl: t('form.partnership.agreementUrl'),
    description: t('form.description'),
    themes: t('common.themes'),
    sourceId: t('form.sourceId'),
  };
}

function PartnershipForm({
  partnership,
  initialValues,
}: {
  partnership?: Partnership;
  initialValues: PartnershipValues;
}) {
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { locale } = useLocale();
  const labels = usePartnershipLabels();
  const fetchLatest = async (id: string) => queryClient.fetchQuery({ ...partnershipQuery(id), staleTime: 0 });
  const form = useRecordForm<PartnershipValues, Partnership>({
    initialValues,
    version: partnership?.version,
    labels,
    save: (values, version) =>
      partnership && version !== undefined
        ? partnershipWrites.update(partnership.id, { ...partnershipBody(values), version })
        : partnershipWrites.create(partnershipBody(values)),
    onSaved: (saved) => navigate(`/partnerships/${saved.id}`),
    reload: partnership
      ? async () => {
          const latest = await fetchLatest(partnership.id);
          return { version: latest.version, values: partnershipValues(latest, locale) };
        }
      : undefined,
  });
  const { values, set } = form;
  const name = partnership
    ? t('partnership.between', { a: partnership.organisationA.name, b: partnership.organisationB.name })
    : '';
  return (
    <RecordFormLayout
      form={form}
      title={partnership ? t('form.partnership.editTitle', { name }) : t('form.partnership.newTitle')}
      cancelTo={partnership ? `/partnerships/${partnership.id}` : '/organisations'}
      actions={
        partnership && (
          <DeleteRecordButton
            name={name}
            version={form.version ?? partnership.version}
            remove={(version) => partnershipWrites.remove(partnership.id, version)}
            afterDelete={`/organisations/${partnership.organisationA.slug}?tab=partnerships`}
            reload={async () => (await fetchLatest(partnership.id)).version}
          />
        )
      }
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <OrganisationPicker
          id={fieldId('organisationAId')}
          label={labels.organisationAId!}
          required
          value={values.organisationAId}
          onChange={(value) => set('organisationAId', value)}
          error={form.errorOf('organisationAId')}
        />
        <OrganisationPicker
          id={fieldId('organisationBId')}
          label={labels.organisationBId!}
          required
          value={values.organisationBId}
          onChange={(value) => set('organisationBId', value)}
          error={form.errorOf('organisationBId')}
        />
        <VocabularySelect
          form={form}
          path="type"
          label={labels.type!}
          required
          group="partnershipType"
          value={values.type}
          onChange={(value) => set('type', value)}
        />
        <VocabularySelect
          form={form}
          path="status"
          label={labels.status!}
          required
          group="partnershipStatus"
          value={values.status}
          onChange={(value) => set('status', value)}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <PartialDateInput
          form={form}
          path="signedOn"
          label={labels.signedOn!}
          value={values.signedOn}
          onChange={(value) => set('signedOn', value)}
        />
        <PartialDateInput
          form={form}
          path="startedOn"
          label={labels.startedOn!}
          value={values.startedOn}
          onChange={(value) => set('startedOn', value)}
        />
        <PartialDateInput
          form={form}
          path="endedOn"
          label={labels.endedOn!}
          value={values.endedOn}
          onChange={(value) => set('endedOn', value)}
        />
      </SimpleGrid>
      <HintedInput
        form={form}
        path="agreementUrl"
        label={labels.agreementUrl!}
        description={t('form.format.url')}
        type="url"
        inputMode="url"
        value={values.agreementUrl}
        onChange={(value) => set('agreementUrl', value)}
      />
      <LocalisedTextInput
        form={form}
        path="description"
        label={labels.description!}
        multiline
        rows={values.description}
        onChange={(rows) => set('description', rows)}
      />
      <ThemePicker
        id={fieldId('themes')}
        label={labels.themes!}
        value={values.themes}
        onChange={(codes) => set('themes', codes)}
        error={form.errorOf('themes')}
      />
      <SourceField form={form} value={values.sourceId} onChange={(source) => set('sourceId', source)} />
    </RecordFormLayout>
  );
}

/** /partnerships/new, with `?a=<organisation id or slug>` choosing side A. */
export function NewPartnershipPage() {
  const { locale } = useLocale();
  const [params] = useSearchParams();
  const sideA = usePrefilledOrganisation(params.get('a'));
  if (sideA.isLoading) return <PageLoading />;
  return <PartnershipForm initialValues={newPartnershipValues(locale, sideA.organisation)} />;
}

/** /partnerships/:id/edit */
export function EditPartnershipPage() {
  const { locale } = useLocale();
  const { id = '' } = useParams();
  const query = useQuery(partnershipQuery(id));
  return (
    <QueryState query={query} isPage>
      {(partnership) => (
        <PartnershipForm
          key={partnership.id}
          partnership={partnership}
          initialValues={partnershipValues(partnership, locale)}
        />
      )}
    </QueryState>
  );
}
