import {
  Checkbox,
  MultiSelect,
  NativeSelect,
  NumberInput,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import type { Schemas } from '../../api/client';
import { initiativeQuery, initiativeWrites } from '../../api/initiatives';
import { SignedInOnly } from '../../accounts/signed-in-only';
import { QueryState } from '../../components/query-state';
import { useVocabulary, vocabularies } from '../../components/vocabulary';
import { capitalise, HintedInput, LocalisedTextInput } from '../../forms/fields';
import { textLanguages } from '../../forms/languages';
import { OrganisationPicker } from '../../forms/pickers';
import { RecordFormLayout } from '../../forms/record-form-layout';
import { ThemePicker } from '../../forms/theme-picker';
import { fieldId, useRecordForm } from '../../forms/use-record-form';
import { chooseText } from '../../i18n/choose-text';
import { useFormat } from '../../i18n/format';
import { useLocale } from '../../i18n/locale-provider';
import { useT } from '../../i18n/use-t';
import {
  fundingProgrammeCodes,
  initiativeVisibilities,
  useInitiativeLabels,
  type InitiativeVisibility,
} from './initiative-labels';
import {
  initiativeCreateBody,
  initiativeFields,
  initiativeValues,
  newInitiativeValues,
  parseCountries,
  type InitiativeValues,
} from './initiative-values';

type Initiative = Schemas['Initiative'];
type SessionUser = Parameters<Parameters<typeof SignedInOnly>[0]['children']>[0];

function useInitiativeFieldLabels(): Record<string, string> {
  const t = useT();
  return {
    ownerOrganisationId: t('initiative.field.owner'),
    title: t('form.title'),
    description: t('form.description'),
    themes: t('common.themes'),
    partnerKinds: t('initiative.field.partnerKinds'),
    countries: t('initiative.field.countries'),
    populationMin: t('initiative.field.populationMin'),
    populationMax: t('initiative.field.populationMax'),
    languages: t('initiative.field.languages'),
    partnersWanted: t('initiative.field.partnersWanted'),
    fundingProgramme: t('initiative.field.programme'),
    call: t('initiative.field.call'),
    deadline: t('initiative.field.deadline'),
    visibility: t('initiative.field.visibility'),
  };
}

function InitiativeForm({
  user,
  initiative,
  initialValues,
}: {
  user: SessionUser;
  initiative?: Initiative;
  initialValues: InitiativeValues;
}) {
  const t = useT();
  const format = useFormat();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const vocabulary = useVocabulary();
  const labels = useInitiativeLabels();
  const { locale } = useLocale();
  const fieldLabels = useInitiativeFieldLabels();
  const form = useRecordForm<InitiativeValues, Initiative>({
    initialValues,
    version: initiative?.version,
    labels: fieldLabels,
    save: (values, version) =>
      initiative && version !== undefined
        ? initiativeWrites.update(initiative.id, { ...initiativeFields(values), version })
        : initiativeWrites.create(initiativeCreateBody(values)),
    onSaved: (saved) => navigate(`/initiatives/${saved.id}`),
    reload: initiative
      ? async () => {
          const latest = await queryClient.fetchQuery({ ...initiativeQuery(initiative.id), staleTime: 0 });
          return { version: latest.version, values: initiativeValues(latest, locale) };
        }
      : undefined,
  });
  const { values, set } = form;
  const name = initiative ? (chooseText(initiative.title, locale)?.text ?? initiative.displayTitle) : '';
  const writable = user.grants.filter((grant) => grant.role !== 'viewer');
  const countryNames = parseCountries(values.countries)
    .filter((code) => /^[A-Z]{2}$/.test(code))
    .map((code) => format.country(code))
    .join(', ');
  return (
    <RecordFormLayout
      form={form}
      title={initiative ? t('initiative.form.editTitle', { name }) : t('initiative.new')}
      cancelTo={initiative ? `/initiatives/${initiative.id}` : '/initiatives'}
    >
      {initiative ? (
        <Text>
          {fieldLabels.ownerOrganisationId}: {initiative.owner.name}
        </Text>
      ) : user.admin ? (
        <OrganisationPicker
          id={fieldId('ownerOrganisationId')}
          label={fieldLabels.ownerOrganisationId!}
          required
          includePlaces={false}
          value={values.ownerOrganisationId}
          onChange={(value) => set('ownerOrganisationId', value)}
          error={form.errorOf('ownerOrganisationId')}
        />
      ) : (
        <NativeSelect
          {...form.field('ownerOrganisationId')}
          label={fieldLabels.ownerOrganisationId}
          required
          value={values.ownerOrganisationId?.id ?? ''}
          data={[
            { value: '', label: t('form.choose') },
            ...writable.map((grant) => ({ value: grant.organisationId, label: grant.organisation.name })),
          ]}
          onChange={(event) => {
            const grant = writable.find((item) => item.organisationId === event.currentTarget.value);
            set(
              'ownerOrganisationId',
              grant
                ? {
                    id: grant.organisationId,
                    name: grant.organisation.name,
                    country: grant.organisation.country,
                  }
                : null,
            );
          }}
        />
      )}
      <LocalisedTextInput
        form={form}
        path="title"
        label={fieldLabels.title!}
        required
        rows={values.title}
        onChange={(rows) => set('title', rows)}
      />
      <LocalisedTextInput
        form={form}
        path="description"
        label={fieldLabels.description!}
        multiline
        rows={values.description}
        onChange={(rows) => set('description', rows)}
      />
      <ThemePicker
        id={fieldId('themes')}
        label={fieldLabels.themes!}
        description={t('form.themesHint')}
        value={values.themes}
        onChange={(codes) => set('themes', codes)}
        error={form.errorOf('themes')}
      />
      <Stack gap="sm">
        <Text fw={600}>{t('initiative.form.seeks')}</Text>
        <MultiSelect
          {...form.field('partnerKinds')}
          label={fieldLabels.partnerKinds}
          description={t('initiative.form.anyHint')}
          data={vocabularies.organisationKind.map((kind) => ({
            value: kind,
            label: capitalise(vocabulary.organisationKind(kind)),
          }))}
          value={values.partnerKinds}
          onChange={(kinds) => set('partnerKinds', kinds)}
        />
        <HintedInput
          form={form}
          path="countries"
          label={fieldLabels.countries!}
          description={countryNames || t('initiative.form.countriesHint')}
          value={values.countries}
          onChange={(value) => set('countries', value.toUpperCase())}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NumberInput
            {...form.field('populationMin')}
            label={fieldLabels.populationMin}
            value={values.populationMin}
            onChange={(value) => set('populationMin', value)}
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator=" "
          />
          <NumberInput
            {...form.field('populationMax')}
            label={fieldLabels.populationMax}
            value={values.populationMax}
            onChange={(value) => set('populationMax', value)}
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator=" "
          />
          <NumberInput
            {...form.field('partnersWanted')}
            label={fieldLabels.partnersWanted}
            value={values.partnersWanted}
            onChange={(value) => set('partnersWanted', value)}
            allowDecimal={false}
            allowNegative={false}
            min={1}
            max={100}
          />
        </SimpleGrid>
        <MultiSelect
          {...form.field('languages')}
          label={fieldLabels.languages}
          data={textLanguages.map((language) => ({ value: language, label: format.language(language) }))}
          value={values.languages}
          onChange={(languages) => set('languages', languages)}
          searchable
        />
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          {...form.field('fundingProgramme')}
          label={fieldLabels.fundingProgramme}
          value={values.fundingProgramme}
          data={[
            { value: '', label: t('form.notRecorded') },
            ...fundingProgrammeCodes.map((code) => ({ value: code, label: labels.programme(code) })),
          ]}
          onChange={(event) => set('fundingProgramme', event.currentTarget.value)}
        />
        <TextInput
          {...form.field('call')}
          label={fieldLabels.call}
          value={values.call}
          onChange={(event) => set('call', event.currentTarget.value)}
        />
      </SimpleGrid>
      <TextInput
        {...form.field('deadline')}
        type="date"
        label={fieldLabels.deadline}
        description={t('initiative.form.deadlineHint')}
        value={values.deadline}
        onChange={(event) => set('deadline', event.currentTarget.value)}
        w="14rem"
      />
      <Radio.Group
        id={fieldId('visibility')}
        label={fieldLabels.visibility}
        value={values.visibility}
        onChange={(value) => set('visibility', value as InitiativeVisibility)}
        error={form.errorOf('visibility')}
      >
        <Stack gap="xs" mt="xs">
          {initiativeVisibilities.map((visibility) => (
            <Radio
              key={visibility}
              value={visibility}
              label={labels.visibility(visibility)}
              description={t(`initiative.visibility.${visibility}.hint`)}
            />
          ))}
        </Stack>
      </Radio.Group>
      {!initiative && (
        <Checkbox
          label={t('initiative.form.publish')}
          description={t('initiative.form.publishHint')}
          checked={values.publish}
          onChange={(event) => set('publish', event.currentTarget.checked)}
        />
      )}
    </RecordFormLayout>
  );
}

/** /initiatives/new: the owner is one of the user's organisations (any organisation for administrators). */
export function NewInitiativePage() {
  const t = useT();
  const { locale } = useLocale();
  return (
    <SignedInOnly title={t('initiative.new')}>
      {(user) => {
        const writable = user.grants.filter((grant) => grant.role !== 'viewer');
        const first = writable.length === 1 ? writable[0]! : undefined;
        const owner = first
          ? { id: first.organisationId, name: first.organisation.name, country: first.organisation.country }
          : null;
        return <InitiativeForm user={user} initialValues={newInitiativeValues(locale, owner)} />;
      }}
    </SignedInOnly>
  );
}

/** /initiatives/:id/edit */
export function EditInitiativePage() {
  const t = useT();
  const { locale } = useLocale();
  const { id = '' } = useParams();
  const query = useQuery(initiativeQuery(id));
  return (
    <SignedInOnly title={t('initiative.form.edit')}>
      {(user) => (
        <QueryState query={query} isPage>
          {(initiative) => (
            <InitiativeForm
              key={initiative.id}
              user={user}
              initiative={initiative}
              initialValues={initiativeValues(initiative, locale)}
            />
          )}
        </QueryState>
      )}
    </SignedInOnly>
  );
}
