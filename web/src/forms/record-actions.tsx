import { Button, Group, Menu, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { activityQuery } from '../api/activities';
import type { Schemas } from '../api/client';
import { organisationQuery } from '../api/organisations';
import { partnershipQuery } from '../api/partnerships';
import { projectQuery } from '../api/projects';
import { themeQuery } from '../api/themes';
import { chooseName, chooseText } from '../i18n/choose-text';
import { useLocale } from '../i18n/locale-provider';
import { useT } from '../i18n/use-t';
import { useSession } from '../accounts/use-session';
import { DeleteRecordButton } from './delete-record';
import { activityWrites, organisationWrites, partnershipWrites, projectWrites, themeWrites } from './records';

/**
 * The buttons a record's page offers: Edit (a link to its form) and Delete (after confirmation). Each
 * `<Kind>Actions` takes the record as the page has it, and shows nothing to a reader who may not change it
 * (a visitor, a viewer, an editor of other organisations).
 */
function RecordActions({ editTo, children }: { editTo: string; children?: React.ReactNode }) {
  const t = useT();
  return (
    <Group gap="sm">
      <Button component={Link} to={editTo} variant="light">
        {t('form.edit')}
      </Button>
      {children}
    </Group>
  );
}

/** A "New …" button for a list page. */
export function NewRecordButton({ to, label }: { to: string; label: string }) {
  return (
    <Button component={Link} to={to}>
      {label}
    </Button>
  );
}

const collectiveKinds = new Set(['association', 'network']);

export function OrganisationActions({ organisation }: { organisation: Schemas['Organisation'] }) {
  const t = useT();
  const queryClient = useQueryClient();
  const { locale } = useLocale();
  const name = chooseName(organisation.names, locale, organisation.name);
  const id = encodeURIComponent(organisation.id);
  const session = useSession();
  if (!session.mayEditFor([organisation.id])) return null;
  return (
    <RecordActions editTo={`/organisations/${organisation.slug}/edit`}>
      <Menu position="bottom-start">
        <Menu.Target>
          <Button variant="light">{t('form.organisation.record')}</Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item component={Link} to={`/partnerships/new?a=${id}`}>
            {t('form.partnership.newTitle')}
          </Menu.Item>
          <Menu.Item component={Link} to={`/memberships/new?member=${id}`}>
            {t('form.organisation.newMembershipOf', { name })}
          </Menu.Item>
          {collectiveKinds.has(organisation.kind) && (
            <Menu.Item component={Link} to={`/memberships/new?organisation=${id}`}>
              {t('form.organisation.newMember', { name })}
            </Menu.Item>
          )}
          <Menu.Item component={Link} to={`/projects/new?partner=${id}`}>
            {t('form.project.newTitle')}
          </Menu.Item>
          <Menu.Item component={Link} to={`/activities/new?participant=${id}`}>
            {t('form.activity.newTitle')}
          </Menu.Item>
          <Menu.Item component={Link} to={`/programmes/new?organisation=${id}`}>
            {t('form.programme.newTitle')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <DeleteRecordButton
        name={name}
        version={organisation.version}
        remove={(version) => organisationWrites.remove(organisation.id, version)}
        afterDelete="/organisations"
        reload={async () =>
          (await queryClient.fetchQuery({ ...organisationQuery(organisation.slug), staleTime: 0 })).version
        }
      />
    </RecordActions>
  );
}

export function PartnershipActions({ partnership }: { partnership: Schemas['Partnership'] }) {
  const t = useT();
  const queryClient = useQueryClient();
  const session = useSession();
  if (!session.mayEditFor([partnership.organisationA.id, partnership.organisationB.id])) return null;
  return (
    <RecordActions editTo={`/partnerships/${partnership.id}/edit`}>
      <DeleteRecordButton
        name={t('partnership.between', {
          a: partnership.organisationA.name,
          b: partnership.organisationB.name,
        })}
        version={partnership.version}
        remove={(version) => partnershipWrites.remove(partnership.id, version)}
        afterDelete={`/organisations/${partnership.organisationA.slug}?tab=partnerships`}
        reload={async () =>
          (await queryClient.fetchQuery({ ...partnershipQuery(partnership.id), staleTime: 0 })).version
        }
      />
    </RecordActions>
  );
}

export function ProjectActions({ project }: { project: Schemas['Project'] }) {
  const t = useT();
  const queryClient = useQueryClient();
  const { locale } = useLocale();
  const name = project.acronym ?? chooseText(project.title, locale)?.text ?? project.displayTitle;
  const session = useSession();
  if (!session.mayEditFor(project.partners.map((partner) => partner.organisation.id))) return null;
  return (
    <RecordActions editTo={`/projects/${project.slug}/edit`}>
      <Button
        component={Link}
        to={`/activities/new?project=${encodeURIComponent(project.id)}`}
        variant="light"
      >
        {t('form.activity.newTitle')}
      </Button>
      <DeleteRecordButton
        name={name}
        version={project.version}
        remove={(version) => projectWrites.remove(project.id, version)}
        afterDelete="/projects"
        reload={async () =>
          (await queryClient.fetchQuery({ ...projectQuery(project.slug), staleTime: 0 })).version
        }
      />
    </RecordActions>
  );
}

export function ActivityActions({ activity }: { activity: Schemas['Activity'] }) {
  const queryClient = useQueryClient();
  const { locale } = useLocale();
  const session = useSession();
  if (!session.mayEditFor(activity.participants.map((participant) => participant.organisation.id))) {
    return null;
  }
  return (
    <RecordActions editTo={`/activities/${activity.id}/edit`}>
      <DeleteRecordButton
        name={chooseText(activity.title, locale)?.text ?? activity.displayTitle}
        version={activity.version}
        remove={(version) => activityWrites.remove(activity.id, version)}
        afterDelete="/activities"
        reload={async () =>
          (await queryClient.fetchQuery({ ...activityQuery(activity.id), staleTime: 0 })).version
        }
      />
    </RecordActions>
  );
}

/** Themes are the registry's shared vocabulary: administrators keep them. */
export function ThemeActions({ theme }: { theme: Schemas['Theme'] }) {
  const queryClient = useQueryClient();
  const { apiLanguage } = useLocale();
  const session = useSession();
  if (!session.isAdmin) return null;
  return (
    <RecordActions editTo={`/themes/${theme.code}/edit`}>
      <DeleteRecordButton
        name={theme.label}
        version={theme.version}
        remove={(version) => themeWrites.remove(theme.id, version)}
        afterDelete="/themes"
        reload={async () =>
          (await queryClient.fetchQuery({ ...themeQuery(theme.id, apiLanguage), staleTime: 0 })).version
        }
      />
    </RecordActions>
  );
}

/**
 * Edit links for records that have no page of their own (memberships, programmes), in lists; shown to
 * those who may change records of one of `organisationIds` (the record's parties).
 */
export function EditLink({
  to,
  label,
  organisationIds,
}: {
  to: string;
  label: string;
  organisationIds: readonly string[];
}) {
  const t = useT();
  const session = useSession();
  if (!session.mayEditFor(organisationIds)) return null;
  return (
    <Button component={Link} to={to} variant="subtle" size="compact-sm" aria-label={label}>
      {t('form.edit')}
    </Button>
  );
}

/**
 * A list page's heading with its "New …" button beside it, for those who may record things (or, for the
 * registry's shared vocabularies, for administrators).
 */
export function ListHeading({
  title,
  newTo,
  newLabel,
  isForAdministrators = false,
}: {
  title: string;
  newTo: string;
  newLabel: string;
  isForAdministrators?: boolean;
}) {
  const session = useSession();
  const mayCreate = isForAdministrators ? session.isAdmin : session.mayRecord;
  return (
    <Group justify="space-between" align="center" gap="sm">
      <Title order={1}>{title}</Title>
      {mayCreate && <NewRecordButton to={newTo} label={newLabel} />}
    </Group>
  );
}
