import { NumberInput, SimpleGrid } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import type { Schemas } from '../../api/client';
import { themeQuery } from '../../api/themes';
import { QueryState } from '../../components/query-state';
import { useLocale } from '../../i18n/locale-provider';
import { useT } from '../../i18n/use-t';
import { DeleteRecordButton } from '../delete-record';
import { HintedInput, LocalisedTextInput, VocabularySelect } from '../fields';
import { RecordFormLayout } from '../record-form-layout';
import { themeWrites } from '../records';
import { SourceField } from '../sources/source-field';
import { useRecordForm } from '../use-record-form';
import { newThemeValues, themeBody, themeValues, type ThemeValues } from './theme-values';

type Theme = Schemas['Theme'];

function useThemeLabels(): Record<string, string> {
  const t = useT();
  return {
    code: t('form.theme.code'),
    taxonomy: t('theme.taxonomy'),
    position: t('form.theme.position'),
    labels: t('form.theme.labels'),
    sourceId: t('form.sourceId'),
  };
}

function ThemeForm({ theme }: { theme?: Theme }) {
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { apiLanguage } = useLocale();
  const labels = useThemeLabels();
  const fetchLatest = (id: string) =>
    queryClient.fetchQuery({ ...themeQuery(id, apiLanguage), staleTime: 0 });
  const form = useRecordForm<ThemeValues, Theme>({
    initialValues: theme ? themeValues(theme) : newThemeValues(),
    version: theme?.version,
    labels,
    save: (values, version) =>
      theme && version !== undefined
        ? themeWrites.update(theme.id, { ...themeBody(values), version })
        : themeWrites.create(themeBody(values)),
    onSaved: (saved) => navigate(`/themes/${saved.code}`),
    reload: theme
      ? async () => {
          const latest = await fetchLatest(theme.id);
          return { version: latest.version, values: themeValues(latest) };
        }
      : undefined,
  });
  const { values, set } = form;
  return (
    <RecordFormLayout
      form={form}
      title={theme ? t('form.theme.editTitle', { name: theme.label }) : t('form.theme.newTitle')}
      cancelTo={theme ? `/themes/${theme.code}` : '/themes'}
      actions={
        theme && (
          <DeleteRecordButton
            name={theme.label}
            version={form.version ?? theme.version}
            remove={(version) => themeWrites.remove(theme.id, version)}
            afterDelete="/themes"
            reload={async () => (await fetchLatest(theme.id)).version}
          />
        )
      }
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <HintedInput
          form={form}
          path="code"
          label={labels.code!}
          required
          description={t('form.format.code')}
          value={values.code}
          onChange={(value) => set('code', value.toLowerCase())}
        />
        <VocabularySelect
          form={form}
          path="taxonomy"
          label={labels.taxonomy!}
          required
          group="themeTaxonomy"
          value={values.taxonomy}
          onChange={(value) => set('taxonomy', value)}
        />
        <NumberInput
          {...form.field('position')}
          label={labels.position}
          description={t('form.theme.positionHint')}
          value={values.position}
          onChange={(value) => set('position', value)}
          allowDecimal={false}
          allowNegative={false}
          hideControls
        />
      </SimpleGrid>
      <LocalisedTextInput
        form={form}
        path="labels"
        label={labels.labels!}
        required
        description={t('form.theme.labelsHint')}
        rows={values.labels}
        onChange={(rows) => set('labels', rows)}
      />
      <SourceField form={form} value={values.sourceId} onChange={(source) => set('sourceId', source)} />
    </RecordFormLayout>
  );
}

/** /themes/new */
export function NewThemePage() {
  return <ThemeForm />;
}

/** /themes/:code/edit */
export function EditThemePage() {
  const { apiLanguage } = useLocale();
  const { code = '' } = useParams();
  const query = useQuery(themeQuery(code, apiLanguage));
  return (
    <QueryState query={query} isPage>
      {(theme) => <ThemeForm key={theme.id} theme={theme} />}
    </QueryState>
  );
}
