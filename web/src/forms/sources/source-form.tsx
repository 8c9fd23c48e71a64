import { Button, Group, Modal, NativeSelect, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { Schemas } from '../../api/client';
import { QueryState } from '../../components/query-state';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { DeleteRecordButton } from '../delete-record';
import { capitalise, HintedInput, PartialDateInput } from '../fields';
import { safeReturnPath } from '../form-values';
import { textLanguages, withRecorded } from '../languages';
import { FormAlerts, RecordFormLayout } from '../record-form-layout';
import { sourceQuery, sourceWrites } from '../records';
import { useRecordForm, type RecordForm } from '../use-record-form';
import { newSourceValues, sourceBody, sourceKinds, sourceValues, type SourceValues } from './source-values';

type Source = Schemas['Source'];

function useSourceLabels(): Record<string, string> {
  const t = useT();
  return {
    kind: t('form.source.kind'),
    title: t('form.source.title'),
    url: t('form.source.url'),
    language: t('form.source.language'),
    publisher: t('form.source.publisher'),
    publishedOn: t('form.source.publishedOn'),
    notes: t('form.source.notes'),
  };
}

/** The fields of a source: what it is, where to find it, who published it and when. */
function SourceFields({ form, labels }: { form: RecordForm<SourceValues>; labels: Record<string, string> }) {
  const t = useT();
  const format = useFormat();
  const { values, set } = form;
  return (
    <Stack gap="md">
      <TextInput
        {...form.field('title')}
        label={labels.title}
        required
        value={values.title}
        onChange={(event) => set('title', event.currentTarget.value)}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          {...form.field('kind')}
          label={labels.kind}
          required
          value={values.kind}
          data={sourceKinds.map((kind) => ({ value: kind, label: capitalise(t(`form.sourceKind.${kind}`)) }))}
          onChange={(event) => set('kind', event.currentTarget.value)}
        />
        <NativeSelect
          {...form.field('language')}
          label={labels.language}
          value={values.language}
          data={[
            { value: '', label: t('form.notRecorded') },
            ...withRecorded(textLanguages, [values.language]).map((language) => ({
              value: language,
              label: `${format.language(language)} (${language})`,
            })),
          ]}
          onChange={(event) => set('language', event.currentTarget.value)}
        />
      </SimpleGrid>
      <HintedInput
        form={form}
        path="url"
        label={labels.url!}
        value={values.url}
        onChange={(value) => set('url', value)}
        description={t('form.format.url')}
        type="url"
        inputMode="url"
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <HintedInput
          form={form}
          path="publisher"
          label={labels.publisher!}
          value={values.publisher}
          onChange={(value) => set('publisher', value)}
        />
        <PartialDateInput
          form={form}
          path="publishedOn"
          label={labels.publishedOn!}
          value={values.publishedOn}
          onChange={(value) => set('publishedOn', value)}
        />
      </SimpleGrid>
      <Textarea
        {...form.field('notes')}
        label={labels.notes}
        value={values.notes}
        autosize
        minRows={2}
        onChange={(event) => set('notes', event.currentTarget.value)}
      />
    </Stack>
  );
}

function SourceForm({ source }: { source?: Source }) {
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const returnTo = safeReturnPath(params.get('returnTo')) ?? '/';
  const labels = useSourceLabels();
  const form = useRecordForm<SourceValues, Source>({
    initialValues: source ? sourceValues(source) : newSourceValues(),
    version: source?.version,
    labels,
    save: (values, version) =>
      source && version !== undefined
        ? sourceWrites.update(source.id, { ...sourceBody(values), version })
        : sourceWrites.create(sourceBody(values)),
    onSaved: () => navigate(returnTo),
    reload: source
      ? async () => {
          const latest = await queryClient.fetchQuery({ ...sourceQuery(source.id), staleTime: 0 });
          return { version: latest.version, values: sourceValues(latest) };
        }
      : undefined,
  });
  return (
    <RecordFormLayout
      form={form}
      title={source ? t('form.source.editTitle', { name: source.title }) : t('form.source.newTitle')}
      cancelTo={returnTo}
      actions={
        source && (
          <DeleteRecordButton
            name={source.title}
            version={form.version ?? source.version}
            remove={(version) => sourceWrites.remove(source.id, version)}
            afterDelete={returnTo}
            reload={async () =>
              (await queryClient.fetchQuery({ ...sourceQuery(source.id), staleTime: 0 })).version
            }
          />
        )
      }
    >
      <SourceFields form={form} labels={labels} />
    </RecordFormLayout>
  );
}

/** /sources/new: records a source of facts; `?returnTo=` says where to go afterwards. */
export function NewSourcePage() {
  return <SourceForm />;
}

/** /sources/:id/edit */
export function EditSourcePage() {
  const { id = '' } = useParams();
  const query = useQuery(sourceQuery(id));
  return (
    <QueryState query={query} isPage>
      {(source) => <SourceForm key={source.id} source={source} />}
    </QueryState>
  );
}

/**
 * A new source recorded without leaving the form that cites it: the source's fields in a dialog, whose
 * saved source becomes the citing form's choice.
 */
export function NewSourceDialog({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (source: Source) => void;
}) {
  const t = useT();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('form.source.newTitle')}
      closeButtonProps={{ 'aria-label': t('form.close') }}
      size="lg"
    >
      {opened && <NewSourceDialogForm onClose={onClose} onCreated={onCreated} />}
    </Modal>
  );
}

function NewSourceDialogForm({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (source: Source) => void;
}) {
  const t = useT();
  const labels = useSourceLabels();
  const form = useRecordForm<SourceValues, Source>({
    initialValues: newSourceValues(),
    labels,
    save: (values) => sourceWrites.create(sourceBody(values)),
    onSaved: (source) => {
      onCreated(source);
      onClose();
    },
  });
  return (
    <form noValidate onSubmit={form.submit}>
      <Stack gap="md">
        <FormAlerts form={form} />
        <SourceFields form={form} labels={labels} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('form.cancel')}
          </Button>
          <Button type="submit" loading={form.isSaving}>
            {t('form.source.saveNew')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
