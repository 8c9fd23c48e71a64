import { SimpleGrid } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { activityQuery } from '../../api/activities';
import type { Schemas } from '../../api/client';
import { projectQuery } from '../../api/projects';
import { PageLoading, QueryState } from '../../components/query-state';
import { chooseText } from '../../i18n/choose-text';
import { useLocale } from '../../i18n/locale-provider';
import { useT } from '../../i18n/use-t';
import { DeleteRecordButton } from '../delete-record';
import { CountryInput, HintedInput, LocalisedTextInput, PartialDateInput, VocabularySelect } from '../fields';
import { ProjectPicker } from '../pickers';
import { usePrefilledOrganisation } from '../prefill';
import { RecordFormLayout } from '../record-form-layout';
import { activityWrites } from '../records';
import { SourceField } from '../sources/source-field';
import { ThemePicker } from '../theme-picker';
import { fieldId, useRecordForm } from '../use-record-form';
import { ParticipantsInput } from './participants-input';
import { activityBody, activityValues, newActivityValues, type ActivityValues } from './activity-values';

type Activity = Schemas['Activity'];

function useActivityLabels(): Record<string, string> {
  const t = useT();
  return {
    type: t('activity.type'),
    title: t('form.title'),
    startsOn: t('form.startsOn'),
    endsOn: t('form.endsOn'),
    placeName: t('activity.place'),
    country: t('organisation.country'),
    description: t('form.description'),
    outcomes: t('activity.outcomes'),
    themes: t('common.themes'),
    projectId: t('activity.project'),
    sourceId: t('form.sourceId'),
    participants: t('form.activity.participantLabel'),
    'participants.organisationId': t('organisation.organisation'),
    'participants.role': t('common.role'),
  };
}

function ActivityForm({ activity, initialValues }: { activity?: Activity; initialValues: ActivityValues }) {
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { locale } = useLocale();
  const labels = useActivityLabels();
  const fetchLatest = (id: string) => queryClient.fetchQuery({ ...activityQuery(id), staleTime: 0 });
  const form = useRecordForm<ActivityValues, Activity>({
    initialValues,
    version: activity?.version,
    labels,
    save: (values, version) =>
      activity && version !== undefined
        ? activityWrites.update(activity.id, { ...activityBody(values), version })
        : activityWrites.create(activityBody(values)),
    onSaved: (saved) => navigate(`/activities/${saved.id}`),
    reload: activity
      ? async () => {
          const latest = await fetchLatest(activity.id);
          return { version: latest.version, values: activityValues(latest, locale) };
        }
      : undefined,
  });
  const { values, set } = form;
  const name = activity ? (chooseText(activity.title, locale)?.text ?? activity.displayTitle) : '';
  return (
    <RecordFormLayout
      form={form}
      title={activity ? t('form.activity.editTitle', { name }) : t('form.activity.newTitle')}
      cancelTo={activity ? `/activities/${activity.id}` : '/activities'}
      actions={
        activity && (
          <DeleteRecordButton
            name={name}
            version={form.version ?? activity.version}
            remove={(version) => activityWrites.remove(activity.id, version)}
            afterDelete="/activities"
            reload={async () => (await fetchLatest(activity.id)).version}
          />
        )
      }
    >
      <VocabularySelect
        form={form}
        path="type"
        label={labels.type!}
        required
        group="activityType"
        value={values.type}
        onChange={(value) => set('type', value)}
      />
      <LocalisedTextInput
        form={form}
        path="title"
        label={labels.title!}
        required
        rows={values.title}
        onChange={(rows) => set('title', rows)}
      />
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
        <PartialDateInput
          form={form}
          path="startsOn"
          label={labels.startsOn!}
          value={values.startsOn}
          onChange={(value) => set('startsOn', value)}
        />
        <PartialDateInput
          form={form}
          path="endsOn"
          label={labels.endsOn!}
          value={values.endsOn}
          onChange={(value) => set('endsOn', value)}
        />
        <HintedInput
          form={form}
          path="placeName"
          label={labels.placeName!}
          value={values.placeName}
          onChange={(value) => set('placeName', value)}
        />
        <CountryInput
          form={form}
          path="country"
          label={labels.country!}
          value={values.country}
          onChange={(value) => set('country', value)}
        />
      </SimpleGrid>
      <ParticipantsInput
        form={form}
        rows={values.participants}
        onChange={(rows) => set('participants', rows)}
      />
      <ProjectPicker
        id={fieldId('projectId')}
        label={labels.projectId!}
        value={values.projectId}
        onChange={(project) => set('projectId', project)}
        error={form.errorOf('projectId')}
      />
      <LocalisedTextInput
        form={form}
        path="description"
        label={labels.description!}
        multiline
        rows={values.description}
        onChange={(rows) => set('description', rows)}
      />
      <LocalisedTextInput
        form={form}
        path="outcomes"
        label={labels.outcomes!}
        multiline
        rows={values.outcomes}
        onChange={(rows) => set('outcomes', rows)}
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

/** /activities/new, with `?participant=` (an organisation) and `?project=` (id or slug) chosen beforehand. */
export function NewActivityPage() {
  const { locale } = useLocale();
  const [params] = useSearchParams();
  const participant = usePrefilledOrganisation(params.get('participant'));
  const projectRef = params.get('project');
  const project = useQuery({ ...projectQuery(projectRef ?? ''), enabled: !!projectRef });
  if (participant.isLoading || (!!projectRef && project.isPending)) return <PageLoading />;
  const pickedProject = project.data
    ? { id: project.data.id, title: project.data.acronym ?? project.data.displayTitle }
    : null;
  return <ActivityForm initialValues={newActivityValues(locale, participant.organisation, pickedProject)} />;
}

/** /activities/:id/edit */
export function EditActivityPage() {
  const { locale } = useLocale();
  const { id = '' } = useParams();
  const query = useQuery(activityQuery(id));
  return (
    <QueryState query={query} isPage>
      {(activity) => (
        <ActivityForm
          key={activity.id}
          activity={activity}
          initialValues={activityValues(activity, locale)}
        />
      )}
    </QueryState>
  );
}
