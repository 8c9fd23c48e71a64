import { SimpleGrid } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { Schemas } from '../../api/client';
import { PageLoading, QueryState } from '../../components/query-state';
import { useLocale } from '../../i18n/locale-provider';
import { useT } from '../../i18n/use-t';
import { DeleteRecordButton } from '../delete-record';
import { LocalisedTextInput, PartialDateInput, VocabularySelect } from '../fields';
import { OrganisationPicker } from '../pickers';
import { usePrefilledOrganisation } from '../prefill';
import { RecordFormLayout } from '../record-form-layout';
import { membershipQuery, membershipWrites } from '../records';
import { SourceField } from '../sources/source-field';
import { fieldId, useRecordForm } from '../use-record-form';
import {
  membershipBody,
  membershipValues,
  newMembershipValues,
  type MembershipValues,
} from './membership-values';

type Membership = Schemas['Membership'];

function useMembershipLabels(): Record<string, string> {
  const t = useT();
  return {
    memberId: t('form.membership.member'),
    organisationId: t('form.membership.organisation'),
    role: t('common.role'),
    since: t('form.membership.since'),
    until: t('form.membership.until'),
    description: t('form.description'),
    sourceId: t('form.sourceId'),
  };
}

/** A membership has no page of its own: it is shown on the network's or association's member list. */
function membershipPath(membership: Membership): string {
  return `/organisations/${membership.organisation.slug}?tab=members`;
}

function MembershipForm({
  membership,
  initialValues,
}: {
  membership?: Membership;
  initialValues: MembershipValues;
}) {
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { locale } = useLocale();
  const labels = useMembershipLabels();
  const fetchLatest = (id: string) => queryClient.fetchQuery({ ...membershipQuery(id), staleTime: 0 });
  const form = useRecordForm<MembershipValues, Membership>({
    initialValues,
    version: membership?.version,
    labels,
    save: (values, version) =>
      membership && version !== undefined
        ? membershipWrites.update(membership.id, { ...membershipBody(values), version })
        : membershipWrites.create(membershipBody(values)),
    onSaved: (saved) => navigate(membershipPath(saved)),
    reload: membership
      ? async () => {
          const latest = await fetchLatest(membership.id);
          return { version: latest.version, values: membershipValues(latest, locale) };
        }
      : undefined,
  });
  const { values, set } = form;
  const name = membership
    ? t('form.membership.name', {
        member: membership.member.name,
        organisation: membership.organisation.name,
      })
    : '';
  return (
    <RecordFormLayout
      form={form}
      title={membership ? t('form.membership.editTitle', { name }) : t('form.membership.newTitle')}
      cancelTo={membership ? membershipPath(membership) : '/organisations'}
      actions={
        membership && (
          <DeleteRecordButton
            name={name}
            version={form.version ?? membership.version}
            remove={(version) => membershipWrites.remove(membership.id, version)}
            afterDelete={membershipPath(membership)}
            reload={async () => (await fetchLatest(membership.id)).version}
          />
        )
      }
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <OrganisationPicker
          id={fieldId('memberId')}
          label={labels.memberId!}
          required
          value={values.memberId}
          onChange={(value) => set('memberId', value)}
          error={form.errorOf('memberId')}
        />
        <OrganisationPicker
          id={fieldId('organisationId')}
          label={labels.organisationId!}
          required
          value={values.organisationId}
          onChange={(value) => set('organisationId', value)}
          error={form.errorOf('organisationId')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <VocabularySelect
          form={form}
          path="role"
          label={labels.role!}
          required
          group="membershipRole"
          value={values.role}
          onChange={(value) => set('role', value)}
        />
        <PartialDateInput
          form={form}
          path="since"
          label={labels.since!}
          value={values.since}
          onChange={(value) => set('since', value)}
        />
        <PartialDateInput
          form={form}
          path="until"
          label={labels.until!}
          value={values.until}
          onChange={(value) => set('until', value)}
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
      <SourceField form={form} value={values.sourceId} onChange={(source) => set('sourceId', source)} />
    </RecordFormLayout>
  );
}

/** /memberships/new, with `?member=` and/or `?organisation=` (id or slug) chosen beforehand. */
export function NewMembershipPage() {
  const { locale } = useLocale();
  const [params] = useSearchParams();
  const member = usePrefilledOrganisation(params.get('member'));
  const organisation = usePrefilledOrganisation(params.get('organisation'));
  if (member.isLoading || organisation.isLoading) return <PageLoading />;
  return (
    <MembershipForm
      initialValues={newMembershipValues(locale, member.organisation, organisation.organisation)}
    />
  );
}

/** /memberships/:id/edit */
export function EditMembershipPage() {
  const { locale } = useLocale();
  const { id = '' } = useParams();
  const query = useQuery(membershipQuery(id));
  return (
    <QueryState query={query} isPage>
      {(membership) => (
        <MembershipForm
          key={membership.id}
          membership={membership}
          initialValues={membershipValues(membership, locale)}
        />
      )}
    </QueryState>
  );
}
