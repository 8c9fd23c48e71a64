import { Button, Fieldset, Group, NativeSelect, Stack, Text } from '@mantine/core';
import type { UserGrant } from '../../api/accounts';
import { capitalise } from '../../forms/fields';
import type { PickedOrganisation } from '../../forms/picked';
import { OrganisationPicker } from '../../forms/pickers';
import { fieldId, type RecordForm } from '../../forms/use-record-form';
import { useT } from '../../i18n/use-t';
import { organisationRoles, useRoleLabel, type OrganisationRole } from '../accounts/role-label';

/** One role in a form: the organisation (none chosen yet in a new row) and what the user may do for it. */
export interface GrantRow {
  organisation: PickedOrganisation | null;
  role: OrganisationRole;
}

/** A user's roles as form rows. */
export function grantRows(grants: readonly UserGrant[]): GrantRow[] {
  return grants.map((grant) => ({
    organisation: {
      id: grant.organisationId,
      name: grant.organisation.name,
      country: grant.organisation.country,
    },
    role: grant.role,
  }));
}

/** Form rows as the API's grants; a row without an organisation is sent empty, so the server names it. */
export function grantsOf(rows: readonly GrantRow[]): { organisationId: string; role: OrganisationRole }[] {
  return rows.map((row) => ({ organisationId: row.organisation?.id ?? '', role: row.role }));
}

/**
 * The roles of a user, one row per organisation: the organisation (chosen by any of its names), the role,
 * and a button to remove the row; errors of a row show beside its fields.
 */
export function GrantsInput<V extends { grants: GrantRow[] }>({ form }: { form: RecordForm<V> }) {
  const t = useT();
  const roleLabel = useRoleLabel();
  const rows = form.values.grants;
  const update = (index: number, change: Partial<GrantRow>) =>
    form.set('grants', rows.map((row, at) => (at === index ? { ...row, ...change } : row)) as V['grants']);
  const groupError = form.errorOf('grants');
  return (
    <Fieldset legend={t('admin.grants.legend')} id={fieldId('grants')} tabIndex={-1}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('admin.grants.hint')}
        </Text>
        {rows.map((row, index) => {
          const number = index + 1;
          return (
            <Group key={index} align="flex-start" gap="sm" wrap="wrap">
              <div style={{ flex: '1 1 18rem' }}>
                <OrganisationPicker
                  id={fieldId(`grants.${index}.organisationId`)}
                  label={t('admin.grants.organisation', { number })}
                  value={row.organisation}
                  onChange={(organisation) => update(index, { organisation })}
                  error={form.errorOf(`grants.${index}.organisationId`)}
                  includePlaces={false}
                  required
                />
              </div>
              <NativeSelect
                id={fieldId(`grants.${index}.role`)}
                label={t('admin.grants.role', { number })}
                value={row.role}
                error={form.errorOf(`grants.${index}.role`)}
                data={organisationRoles.map((role) => ({ value: role, label: capitalise(roleLabel(role)) }))}
                onChange={(event) => update(index, { role: event.currentTarget.value as OrganisationRole })}
                w="12rem"
              />
              <Button
                variant="subtle"
                color="red"
                mt={25}
                aria-label={t('admin.grants.remove', { number })}
                onClick={() => form.set('grants', rows.filter((_, at) => at !== index) as V['grants'])}
              >
                {t('form.remove')}
              </Button>
            </Group>
          );
        })}
        {rows.length === 0 && (
          <Text size="sm" fs="italic">
            {t('admin.grants.none')}
          </Text>
        )}
        <Group>
          <Button
            variant="light"
            size="xs"
            onClick={() =>
              form.set('grants', [...rows, { organisation: null, role: 'editor' }] as V['grants'])
            }
          >
            {t('admin.grants.add')}
          </Button>
        </Group>
        {groupError && (
          <Text size="sm" c="red.9">
            {groupError}
          </Text>
        )}
      </Stack>
    </Fieldset>
  );
}
