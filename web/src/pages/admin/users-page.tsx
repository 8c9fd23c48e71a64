import { Alert, Button, Checkbox, Group, List, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { adminKeys, adminWrites, userListQuery, type User } from '../../api/accounts';
import type { BodyOf } from '../../api/client';
import { FilterBar, SelectFilter, TextFilter } from '../../components/filters';
import { optional, useListParams } from '../../components/list-params';
import { SignedInOnly } from '../../accounts/signed-in-only';
import { useSession } from '../../accounts/use-session';
import { Pager } from '../../components/pager';
import { EmptyState, QueryState } from '../../components/query-state';
import { isVersionConflict, recordErrorMessage } from '../../forms/problem';
import { useFormMessage } from '../../forms/use-record-form';
import { useT } from '../../i18n/use-t';
import { useRoleLabel } from '../accounts/role-label';
import { InviteUserButton } from './invite-user';
import { EditRolesButton } from './edit-roles';

const pageSize = 50;
const statuses = ['invited', 'active', 'disabled'] as const;
type Status = (typeof statuses)[number];

/** What the list may change of a user: the administrator flag, the status, or removing two-factor. */
type UserChange = Omit<BodyOf<'updateUser'>, 'version' | 'displayName'>;

function isStatus(value: string): value is Status {
  return (statuses as readonly string[]).includes(value);
}

/**
 * The administrators' list of users: each one's status (enable, disable), administrator flag and roles per
 * organisation, and a way to invite a new user by mail.
 */
export function UsersPage() {
  const t = useT();
  return (
    <SignedInOnly title={t('admin.users.title')} isForAdministrators>
      {() => <Users />}
    </SignedInOnly>
  );
}

function Users() {
  const t = useT();
  const message = useFormMessage();
  const queryClient = useQueryClient();
  const { page, values, setFilter, setPage, clear } = useListParams(['email', 'status'] as const);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const query = useQuery({
    ...userListQuery({
      email: optional(values.email),
      status: isStatus(values.status) ? values.status : undefined,
      page,
      pageSize,
    }),
    placeholderData: keepPreviousData,
  });
  const statusLabel = useStatusLabel();
  const update = useMutation({
    mutationFn: ({ user, change }: { user: User; change: UserChange }) =>
      adminWrites.updateUser(user.id, { version: user.version, ...change }),
    onSuccess: (_, { user }) => setNotice(t('admin.users.saved', { name: user.displayName || user.email })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminKeys.all }),
  });
  const failure = update.error;
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="center" gap="sm">
        <Title order={1}>{t('admin.users.title')}</Title>
        <InviteUserButton onInvited={setNotice} />
      </Group>
      <div aria-live="polite">
        {notice !== undefined && !update.isError && (
          <Alert
            color="green"
            variant="light"
            withCloseButton
            closeButtonLabel={t('form.close')}
            onClose={() => setNotice(undefined)}
          >
            <Text size="sm">{notice}</Text>
          </Alert>
        )}
        {update.isError && (
          <Alert color="red" variant="light" title={t('admin.users.notSaved')}>
            <Text size="sm">
              {isVersionConflict(failure) ? t('admin.users.conflict') : message(recordErrorMessage(failure))}
            </Text>
          </Alert>
        )}
      </div>
      <FilterBar onClear={clear}>
        <TextFilter
          label={t('auth.email')}
          value={values.email}
          onChange={(value) => setFilter('email', value, { replace: true })}
        />
        <SelectFilter
          label={t('admin.users.status')}
          value={values.status}
          onChange={(value) => setFilter('status', value)}
          options={statuses.map((status) => ({ value: status, label: statusLabel(status) }))}
        />
      </FilterBar>
      <QueryState query={query}>
        {(result) =>
          result.items.length === 0 ? (
            <EmptyState>{t('list.empty')}</EmptyState>
          ) : (
            <div aria-busy={query.isFetching || undefined}>
              <UserTable
                users={result.items}
                isSaving={update.isPending}
                onChange={(user, change) => {
                  setNotice(undefined);
                  update.mutate({ user, change });
                }}
                onRolesSaved={setNotice}
              />
              <Pager page={page} pageSize={pageSize} total={result.total} onChange={setPage} />
            </div>
          )
        }
      </QueryState>
    </Stack>
  );
}

/** Names a user's status in the reader's language. */
function useStatusLabel(): (status: string) => string {
  const t = useT();
  return (status) =>
    status === 'invited'
      ? t('admin.users.status.invited')
      : status === 'disabled'
        ? t('admin.users.status.disabled')
        : t('admin.users.status.active');
}

interface UserTableProps {
  users: User[];
  isSaving: boolean;
  onChange: (user: User, change: UserChange) => void;
  onRolesSaved: (notice: string) => void;
}

function UserTable({ users, isSaving, onChange, onRolesSaved }: UserTableProps) {
  const t = useT();
  const roleLabel = useRoleLabel();
  const statusLabel = useStatusLabel();
  const { user: me } = useSession();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped verticalSpacing="sm">
        <Table.Caption className="visually-hidden">{t('admin.users.title')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('admin.users.user')}</Table.Th>
            <Table.Th scope="col">{t('admin.users.status')}</Table.Th>
            <Table.Th scope="col">{t('account.administrator')}</Table.Th>
            <Table.Th scope="col">{t('account.twoFactor.title')}</Table.Th>
            <Table.Th scope="col">{t('account.roles')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => {
            const name = user.displayName || user.email;
            const isMe = user.id === me?.id;
            return (
              <Table.Tr key={user.id}>
                <Table.Th scope="row" fw={400}>
                  <Text fw={600}>{name}</Text>
                  {user.displayName && (
                    <Text size="sm" c="dimmed">
                      {user.email}
                    </Text>
                  )}
                  {isMe && (
                    <Text size="sm" c="dimmed">
                      {t('admin.users.you')}
                    </Text>
                  )}
                </Table.Th>
                <Table.Td>
                  <NativeSelect
                    aria-label={t('admin.users.statusOf', { name })}
                    size="xs"
                    value={user.status}
                    disabled={isMe || isSaving}
                    data={statuses
                      .filter((status) => status !== 'invited' || user.status === 'invited')
                      .map((status) => ({
                        value: status,
                        label: statusLabel(status),
                        disabled: status === 'invited',
                      }))}
                    onChange={(event) => {
                      const status = event.currentTarget.value;
                      if (status === 'active' || status === 'disabled') onChange(user, { status });
                    }}
                  />
                </Table.Td>
                <Table.Td>
                  <Checkbox
                    aria-label={t('admin.users.adminOf', { name })}
                    checked={user.admin}
                    disabled={isMe || isSaving}
                    onChange={(event) => onChange(user, { admin: event.currentTarget.checked })}
                  />
                </Table.Td>
                <Table.Td>
                  <Stack gap={4} align="flex-start">
                    <Text size="sm">{user.twoFactorEnabled ? t('common.yes') : t('common.no')}</Text>
                    {user.twoFactorEnabled && !isMe && (
                      <Button
                        variant="subtle"
                        color="red"
                        size="compact-sm"
                        disabled={isSaving}
                        aria-label={t('admin.users.removeTwoFactorOf', { name })}
                        onClick={() => onChange(user, { twoFactorEnabled: false })}
                      >
                        {t('admin.users.removeTwoFactor')}
                      </Button>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Stack gap={4} align="flex-start">
                    {user.grants.length === 0 ? (
                      <Text size="sm" c="dimmed">
                        {t('admin.users.noRoles')}
                      </Text>
                    ) : (
                      <List size="sm">
                        {user.grants.map((grant) => (
                          <List.Item key={`${grant.organisationId}:${grant.role}`}>
                            {grant.organisation.name}: {roleLabel(grant.role)}
                          </List.Item>
                        ))}
                      </List>
                    )}
                    <EditRolesButton user={user} onSaved={onRolesSaved} />
                  </Stack>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
