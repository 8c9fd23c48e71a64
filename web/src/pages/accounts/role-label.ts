import { useCallback } from 'react';
import { useT } from '../../i18n/use-t';

/** The roles a user may have for an organisation, in the order they give rights. */
export const organisationRoles = ['coordinator', 'editor', 'viewer'] as const;
export type OrganisationRole = (typeof organisationRoles)[number];

/** Names a role for an organisation in the reader's language. */
export function useRoleLabel(): (role: string) => string {
  const t = useT();
  return useCallback(
    (role: string) => {
      switch (role) {
        case 'coordinator':
          return t('account.role.coordinator');
        case 'editor':
          return t('account.role.editor');
        case 'viewer':
          return t('account.role.viewer');
        default:
          return role;
      }
    },
    [t],
  );
}
