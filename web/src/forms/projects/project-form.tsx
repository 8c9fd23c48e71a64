import { NumberInput, SimpleGrid } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { Schemas } from '../../api/client';
import { projectQuery } from '../../api/projects';
import { PageLoading, QueryState } from '../../components/query-state';
import { chooseText } from '../../i18n/choose-text';
import { useLocale } from '../../i18n/locale-provider';
import { useT } from '../../i18n/use-t';
import { DeleteRecordButton } from '../delete-record';
import { HintedInput, LocalisedTextInput, PartialDateInput, VocabularySelect } from '../fields';
import { usePrefilledOrganisation } from '../prefill';
import { RecordFormLayout } from '../record-form-layout';
import { projectWrites } from '../records';
import { SourceField } from '../sources/source-field';
import { ThemePicker } from '../theme-picker';
import { fieldId, useRecordForm } from '../use-record-form';
import { PartnersInput } from './partners-input';
import { newProjectValues, projectBody, projectValues, type ProjectValues } from './project-values';

type Project = Schemas['Project'];

function useProjectLabels(): Record<string, string> {
  const t = useT();
  return {
    title: t('form.title'),
    acronym: t('form.project.acronym'),
    slug: t('form.slug'),
    programme: t('project.programme'),
    call: t('project.call'),
    fund: t('project.fund'),
    status: t('project.status'),
    startsOn: t('form.startsOn'),
    endsOn: t('form.endsOn'),
    durationMonths: t('form.project.durationMonths'),
    totalBudget: t('project.totalBudget'),
    currency: t('form.currency'),
    objectives: t('project.objectives'),
    expectedResults: t('project.expectedResults'),
    description: t('form.description'),
    themes: t('common.themes'),
    website: t('organisation.website'),
    sourceId: t('form.sourceId'),
    partners: t('project.partner'),
    'partners.organisationId': t('organisation.organisation'),
    'partners.role': t('common.role'),
    'partners.budget': t('project.budget'),
    'partners.currency': t('form.currency'),
    'partners.coFinancingRate': t('form.project.coFinancingRate'),
    'partners.coFinancingFund': t('form.project.coFinancingFund'),
  };
}

function ProjectForm({ project, initialValues }: { project?: Project; initialValues: ProjectValues }) {
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { locale } = useLocale();
  const labels = useProjectLabels();
  const fetchLatest = (id: string) => queryClient.fetchQuery({ ...projectQuery(id), staleTime: 0 });
  const form = useRecordForm<ProjectValues, Project>({
    initialValues,
    version: project?.version,
    labels,
    save: (values, version) =>
      project && version !== undefined
        ? projectWrites.update(project.id, { ...projectBody(values), version })
        : projectWrites.create(projectBody(values)),
    onSaved: (saved) => navigate(`/projects/${saved.slug}`),
    reload: project
      ? async () => {
          const latest = await fetchLatest(project.id);
          return { version: latest.version, values: projectValues(latest, locale) };
        }
      : undefined,
  });
  const { values, set } = form;
  const name = project
    ? (project.acronym ?? chooseText(project.title, locale)?.text ?? project.displayTitle)
    : '';
  const localised = (path: 'objectives' | 'expectedResults' | 'description') => (
    <LocalisedTextInput
      form={form}
      path={path}
      label={labels[path]!}
      multiline
      rows={values[path]}
      onChange={(rows) => set(path, rows)}
    />
  );
  return (
    <RecordFormLayout
      form={form}
      title={project ? t('form.project.editTitle', { name }) : t('form.project.newTitle')}
      cancelTo={project ? `/projects/${project.slug}` : '/projects'}
      actions={
        project && (
          <DeleteRecordButton
            name={name}
            version={form.version ?? project.version}
            remove={(version) => projectWrites.remove(project.id, version)}
            afterDelete="/projects"
            reload={async () => (await fetchLatest(project.id)).version}
          />
        )
      }
    >
      <LocalisedTextInput
        form={form}
        path="title"
        label={labels.title!}
        required
        rows={values.title}
        onChange={(rows) => set('title', rows)}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <HintedInput
          form={form}
          path="acronym"
          label={labels.acronym!}
          value={values.acronym}
          onChange={(value) => set('acronym', value)}
        />
        <HintedInput
          form={form}
          path="slug"
          label={labels.slug!}
          description={t('form.format.slug')}
          value={values.slug}
          onChange={(value) => set('slug', value)}
        />
        <HintedInput
          form={form}
          path="programme"
          label={labels.programme!}
          required
          description={t('form.format.programme')}
          value={values.programme}
          onChange={(value) => set('programme', value)}
        />
        <HintedInput
          form={form}
          path="call"
          label={labels.call!}
          value={values.call}
          onChange={(value) => set('call', value)}
        />
        <HintedInput
          form={form}
          path="fund"
          label={labels.fund!}
          description={t('form.format.fund')}
          value={values.fund}
          onChange={(value) => set('fund', value)}
        />
        <VocabularySelect
          form={form}
          path="status"
          label={labels.status!}
          required
          group="projectStatus"
          value={values.status}
          onChange={(value) => set('status', value)}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
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
        <NumberInput
          {...form.field('durationMonths')}
          label={labels.durationMonths}
          value={values.durationMonths}
          onChange={(value) => set('durationMonths', value)}
          allowDecimal={false}
          allowNegative={false}
          hideControls
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <HintedInput
          form={form}
          path="totalBudget"
          label={labels.totalBudget!}
          description={t('form.format.amount')}
          inputMode="decimal"
          value={values.totalBudget}
          onChange={(value) => set('totalBudget', value)}
        />
        <HintedInput
          form={form}
          path="currency"
          label={labels.currency!}
          required
          description={t('form.format.currency')}
          value={values.currency}
          onChange={(value) => set('currency', value.toUpperCase())}
        />
        <HintedInput
          form={form}
          path="website"
          label={labels.website!}
          description={t('form.format.url')}
          type="url"
          inputMode="url"
          value={values.website}
          onChange={(value) => set('website', value)}
        />
      </SimpleGrid>
      <PartnersInput
        form={form}
        rows={values.partners}
        onChange={(rows) => set('partners', rows)}
        currency={values.currency || 'EUR'}
      />
      {localised('objectives')}
      {localised('expectedResults')}
      {localised('description')}
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

/** /projects/new, with `?partner=<organisation id or slug>` as its first partner. */
export function NewProjectPage() {
  const { locale } = useLocale();
  const [params] = useSearchParams();
  const partner = usePrefilledOrganisation(params.get('partner'));
  if (partner.isLoading) return <PageLoading />;
  return <ProjectForm initialValues={newProjectValues(locale, partner.organisation)} />;
}

/** /projects/:slug/edit */
export function EditProjectPage() {
  const { locale } = useLocale();
  const { slug = '' } = useParams();
  const query = useQuery(projectQuery(slug));
  return (
    <QueryState query={query} isPage>
      {(project) => (
        <ProjectForm key={project.id} project={project} initialValues={projectValues(project, locale)} />
      )}
    </QueryState>
  );
}
