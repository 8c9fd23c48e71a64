import { Button, Group, Modal, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { adminKeys, adminWrites, type User } from '../../api/accounts';
import { api, unwrap } from '../../api/client';
import { FormAlerts } from '../../forms/record-form-layout';
import { useRecordForm } from '../../forms/use-record-form';
import { useT } from '../../i18n/use-t';
import { GrantsInput, grantRows, grantsOf, type GrantRow } from './grants-input';

/** "Edit roles" of one user: a dialog with the user's roles per organisation. */
export function EditRolesButton({ user, onSaved }: { user: User; onSaved: (notice: string) => void }) {
  const t = useT();
  const [opened, { open, close }] = useDisclosure(false);
  const name = user.displayName || user.email;
  return (
    <>
      <Button
        variant="subtle"
        size="compact-sm"
        onClick={open}
        aria-label={t('admin.roles.editOf', { name })}
      >
        {t('admin.roles.edit')}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={t('admin.roles.title', { name })}
        closeButtonProps={{ 'aria-label': t('form.close') }}
        size="xl"
      >
        {opened && (
          <RolesForm
            user={user}
            onCancel={close}
            onSaved={() => {
              close();
              onSaved(t('admin.users.saved', { name }));
            }}
          />
        )}
      </Modal>
    </>
  );
}

function RolesForm({ user, onCancel, onSaved }: { user: User; onCancel: () => void; onSaved: () => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const form = useRecordForm<{ grants: GrantRow[] }, User>({
    initialValues: { grants: grantRows(user.grants) },
    version: user.version,
    labels: {
      grants: t('admin.grants.legend'),
      'grants.organisationId': t('admin.grants.organisationLabel'),
      'grants.role': t('admin.grants.roleLabel'),
    },
    save: (values, version) =>
      adminWrites.setRoles(user.id, { version: version ?? user.version, grants: grantsOf(values.grants) }),
    onSaved,
    reload: async () => {
      const latest = await findUser(user);
      await queryClient.invalidateQueries({ queryKey: adminKeys.all });
      return { version: latest.version, values: { grants: grantRows(latest.grants) } };
    },
  });
  return (
    <form noValidate onSubmit={form.submit}>
      <Stack gap="md">
        <FormAlerts form={form} failureTitle={t('admin.users.notSaved')} />
        <GrantsInput form={form} />
        <Group gap="sm">
          <Button type="submit" loading={form.isSaving}>
            {t('form.save')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('form.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The latest version of a user, looked for in the list by email (the API has no single-user read). */
async function findUser(known: User): Promise<User> {
  const result = await unwrap(
    api.GET('/api/users', { params: { query: { email: known.email, pageSize: 200 } } }),
  );
  const user = result.items.find((candidate) => candidate.id === known.id);
  if (!user) throw new Error('The user is no longer listed.');
  return user;
}
