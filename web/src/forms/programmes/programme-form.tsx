import { NumberInput, SimpleGrid } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { Schemas } from '../../api/client';
import { PageLoading, QueryState } from '../../components/query-state';
import { chooseText } from '../../i18n/choose-text';
import { useLocale } from '../../i18n/locale-provider';
import { useT } from '../../i18n/use-t';
import { DeleteRecordButton } from '../delete-record';
import { LocalisedTextInput, PartialDateInput } from '../fields';
import { OrganisationPicker } from '../pickers';
import { usePrefilledOrganisation } from '../prefill';
import { RecordFormLayout } from '../record-form-layout';
import { programmeQuery, programmeWrites } from '../records';
import { SourceField } from '../sources/source-field';
import { ThemePicker } from '../theme-picker';
import { fieldId, useRecordForm } from '../use-record-form';
import { newProgrammeValues, programmeBody, programmeValues, type ProgrammeValues } from './programme-values';

type Programme = Schemas['Programme'];

function useProgrammeLabels(): Record<string, string> {
  const t = useT();
  return {
    organisationId: t('organisation.organisation'),
    year: t('list.year'),
    title: t('form.title'),
    adoptedBy: t('form.programme.adoptedBy'),
    adoptedOn: t('form.programme.adoptedOn'),
    decision: t('form.programme.decision'),
    areas: t('form.programme.areas'),
    description: t('form.description'),
    sourceId: t('form.sourceId'),
  };
}

/** A programme has no page of its own: it is listed on its organisation's page. */
function programmePath(programme: Programme): string {
  return `/organisations/${programme.organisation.slug}?tab=programmes`;
}

function ProgrammeForm({
  programme,
  initialValues,
}: {
  programme?: Programme;
  initialValues: ProgrammeValues;
}) {
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { locale, apiLanguage } = useLocale();
  const labels = useProgrammeLabels();
  const fetchLatest = (id: string) =>
    queryClient.fetchQuery({ ...programmeQuery(id, apiLanguage), staleTime: 0 });
  const form = useRecordForm<ProgrammeValues, Programme>({
    initialValues,
    version: programme?.version,
    labels,
    save: (values, version) =>
      programme && version !== undefined
        ? programmeWrites.update(programme.id, { ...programmeBody(values), version })
        : programmeWrites.create(programmeBody(values)),
    onSaved: (saved) => navigate(programmePath(saved)),
    reload: programme
      ? async () => {
          const latest = await fetchLatest(programme.id);
          return { version: latest.version, values: programmeValues(latest, locale) };
        }
      : undefined,
  });
  const { values, set } = form;
  const name = programme ? (chooseText(programme.title, locale)?.text ?? programme.displayTitle) : '';
  const localised = (path: 'title' | 'adoptedBy' | 'decision' | 'description', required = false) => (
    <LocalisedTextInput
      form={form}
      path={path}
      label={labels[path]!}
      required={required}
      multiline={path === 'description' || path === 'decision'}
      rows={values[path]}
      onChange={(rows) => set(path, rows)}
    />
  );
  return (
    <RecordFormLayout
      form={form}
      title={programme ? t('form.programme.editTitle', { name }) : t('form.programme.newTitle')}
      cancelTo={programme ? programmePath(programme) : '/organisations'}
      actions={
        programme && (
          <DeleteRecordButton
            name={name}
            version={form.version ?? programme.version}
            remove={(version) => programmeWrites.remove(programme.id, version)}
            afterDelete={programmePath(programme)}
            reload={async () => (await fetchLatest(programme.id)).version}
          />
        )
      }
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <OrganisationPicker
          id={fieldId('organisationId')}
          label={labels.organisationId!}
          required
          value={values.organisationId}
          onChange={(value) => set('organisationId', value)}
          error={form.errorOf('organisationId')}
        />
        <NumberInput
          {...form.field('year')}
          label={labels.year}
          required
          value={values.year}
          onChange={(value) => set('year', value)}
          allowDecimal={false}
          allowNegative={false}
          min={1900}
          max={2200}
          w="10rem"
        />
      </SimpleGrid>
      {localised('title', true)}
      {localised('adoptedBy')}
      <PartialDateInput
        form={form}
        path="adoptedOn"
        label={labels.adoptedOn!}
        value={values.adoptedOn}
        onChange={(value) => set('adoptedOn', value)}
      />
      {localised('decision')}
      <ThemePicker
        id={fieldId('areas')}
        label={labels.areas!}
        description={t('form.programme.areasHint')}
        value={values.areas}
        onChange={(codes) => set('areas', codes)}
        error={form.errorOf('areas')}
      />
      {localised('description')}
      <SourceField form={form} value={values.sourceId} onChange={(source) => set('sourceId', source)} />
    </RecordFormLayout>
  );
}

/** /programmes/new, with `?organisation=` (id or slug) chosen beforehand. */
export function NewProgrammePage() {
  const { locale } = useLocale();
  const [params] = useSearchParams();
  const organisation = usePrefilledOrganisation(params.get('organisation'));
  if (organisation.isLoading) return <PageLoading />;
  return <ProgrammeForm initialValues={newProgrammeValues(locale, organisation.organisation)} />;
}

/** /programmes/:id/edit */
export function EditProgrammePage() {
  const { locale, apiLanguage } = useLocale();
  const { id = '' } = useParams();
  const query = useQuery(programmeQuery(id, apiLanguage));
  return (
    <QueryState query={query} isPage>
      {(programme) => (
        <ProgrammeForm
          key={programme.id}
          programme={programme}
          initialValues={programmeValues(programme, locale)}
        />
      )}
    </QueryState>
  );
}
