import { NumberInput, SimpleGrid } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import type { Schemas } from '../../api/client';
import { organisationQuery } from '../../api/organisations';
import { QueryState } from '../../components/query-state';
import { chooseName } from '../../i18n/choose-text';
import { useLocale } from '../../i18n/locale-provider';
import { useT } from '../../i18n/use-t';
import { DeleteRecordButton } from '../delete-record';
import { CountryInput, HintedInput, LocalisedTextInput, PartialDateInput, VocabularySelect } from '../fields';
import { RecordFormLayout } from '../record-form-layout';
import { organisationWrites } from '../records';
import { SourceField } from '../sources/source-field';
import { ThemePicker } from '../theme-picker';
import { fieldId, useRecordForm } from '../use-record-form';
import { NamesInput } from './names-input';
import {
  nameLanguageOf,
  newOrganisationValues,
  organisationBody,
  organisationValues,
  type OrganisationValues,
} from './organisation-values';

type Organisation = Schemas['Organisation'];

/** Kinds that must have a country (the server's rule; marked here so the reader knows before saving). */
const authorityKinds = new Set(['municipality', 'city', 'county', 'region']);

function useOrganisationLabels(): Record<string, string> {
  const t = useT();
  return {
    kind: t('list.kind'),
    names: t('organisation.names'),
    'names.name': t('organisation.name'),
    'names.language': t('organisation.language'),
    'names.script': t('organisation.script'),
    'names.kind': t('organisation.nameKind'),
    slug: t('form.slug'),
    country: t('organisation.country'),
    lauCode: t('organisation.lauCode'),
    nutsCode: t('organisation.nutsCode'),
    geonamesId: t('form.organisation.geonamesId'),
    wikidataId: t('form.organisation.wikidataId'),
    population: t('organisation.population'),
    latitude: t('form.organisation.latitude'),
    longitude: t('form.organisation.longitude'),
    website: t('organisation.website'),
    foundedOn: t('organisation.founded'),
    description: t('form.description'),
    themes: t('common.themes'),
    sourceId: t('form.sourceId'),
  };
}

function OrganisationForm({ organisation }: { organisation?: Organisation }) {
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { locale } = useLocale();
  const labels = useOrganisationLabels();
  const fetchLatest = (id: string) => queryClient.fetchQuery({ ...organisationQuery(id), staleTime: 0 });
  const form = useRecordForm<OrganisationValues, Organisation>({
    initialValues: organisation ? organisationValues(organisation, locale) : newOrganisationValues(locale),
    version: organisation?.version,
    labels,
    save: (values, version) =>
      organisation && version !== undefined
        ? organisationWrites.update(organisation.id, { ...organisationBody(values), version })
        : organisationWrites.create(organisationBody(values)),
    onSaved: (saved) => navigate(`/organisations/${saved.slug}`),
    reload: organisation
      ? async () => {
          const latest = await fetchLatest(organisation.id);
          return { version: latest.version, values: organisationValues(latest, locale) };
        }
      : undefined,
  });
  const { values, set } = form;
  const name = organisation ? chooseName(organisation.names, locale, organisation.name) : '';
  const numberProps = (path: 'geonamesId' | 'population' | 'latitude' | 'longitude') => ({
    ...form.field(path),
    label: labels[path],
    value: values[path],
    onChange: (value: number | string) => set(path, value),
    hideControls: true,
  });
  return (
    <RecordFormLayout
      form={form}
      title={organisation ? t('form.organisation.editTitle', { name }) : t('form.organisation.newTitle')}
      cancelTo={organisation ? `/organisations/${organisation.slug}` : '/organisations'}
      actions={
        organisation && (
          <DeleteRecordButton
            name={name}
            version={form.version ?? organisation.version}
            remove={(version) => organisationWrites.remove(organisation.id, version)}
            afterDelete="/organisations"
            reload={async () => (await fetchLatest(organisation.id)).version}
          />
        )
      }
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <VocabularySelect
          form={form}
          path="kind"
          label={labels.kind!}
          required
          group="organisationKind"
          value={values.kind}
          onChange={(value) => set('kind', value)}
        />
        <CountryInput
          form={form}
          path="country"
          label={labels.country!}
          required={authorityKinds.has(values.kind)}
          value={values.country}
          onChange={(value) => set('country', value)}
        />
      </SimpleGrid>
      <NamesInput
        form={form}
        rows={values.names}
        onChange={(rows) => set('names', rows)}
        language={nameLanguageOf(locale)}
      />
      <HintedInput
        form={form}
        path="slug"
        label={labels.slug!}
        description={t('form.format.slug')}
        value={values.slug}
        onChange={(value) => set('slug', value)}
        width="24rem"
      />
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
        <HintedInput
          form={form}
          path="lauCode"
          label={labels.lauCode!}
          value={values.lauCode}
          onChange={(value) => set('lauCode', value)}
        />
        <HintedInput
          form={form}
          path="nutsCode"
          label={labels.nutsCode!}
          description={t('form.format.nuts')}
          value={values.nutsCode}
          onChange={(value) => set('nutsCode', value)}
        />
        <NumberInput {...numberProps('geonamesId')} allowDecimal={false} allowNegative={false} />
        <HintedInput
          form={form}
          path="wikidataId"
          label={labels.wikidataId!}
          description={t('form.format.wikidata')}
          value={values.wikidataId}
          onChange={(value) => set('wikidataId', value)}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NumberInput
          {...numberProps('population')}
          allowDecimal={false}
          allowNegative={false}
          thousandSeparator=" "
        />
        <NumberInput
          {...numberProps('latitude')}
          min={-90}
          max={90}
          decimalScale={6}
          description={t('form.format.latitude')}
        />
        <NumberInput
          {...numberProps('longitude')}
          min={-180}
          max={180}
          decimalScale={6}
          description={t('form.format.longitude')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
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
        <PartialDateInput
          form={form}
          path="foundedOn"
          label={labels.foundedOn!}
          value={values.foundedOn}
          onChange={(value) => set('foundedOn', value)}
        />
      </SimpleGrid>
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

/** /organisations/new */
export function NewOrganisationPage() {
  return <OrganisationForm />;
}

/** /organisations/:slug/edit */
export function EditOrganisationPage() {
  const { slug = '' } = useParams();
  const query = useQuery(organisationQuery(slug));
  return (
    <QueryState query={query} isPage>
      {(organisation) => <OrganisationForm key={organisation.id} organisation={organisation} />}
    </QueryState>
  );
}
