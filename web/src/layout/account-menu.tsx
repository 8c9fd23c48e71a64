import { Button, Menu } from '@mantine/core';
import { Link, useLocation, useNavigate } from 'react-router';
import type { SessionUser } from '../api/session';
import { useSignOut } from '../api/session';
import { useT } from '../i18n/use-t';

/** Pages that show nothing to a visitor: signing out there leads home. */
const privatePaths = /^\/(account|admin)(\/|$)/;

/**
 * A signed-in user's menu: their account, the administration pages (administrators only) and "Sign
 * out". Its own chunk: visitors, most readers, never load the menu's code.
 */
export function AccountMenu({ user }: { user: SessionUser }) {
  const t = useT();
  const location = useLocation();
  const navigate = useNavigate();
  const signOut = useSignOut(() => (privatePaths.test(location.pathname) ? navigate('/') : undefined));
  const name = user.displayName || user.email;
  return (
    <Menu position="bottom-end" width={240} withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <Button variant="default" size="xs">
          <span className="visually-hidden">{t('auth.menu.signedInAs')}&nbsp;</span>
          {name}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{user.email}</Menu.Label>
        <Menu.Item component={Link} to="/account">
          {t('auth.menu.account')}
        </Menu.Item>
        {user.admin && (
          <>
            <Menu.Divider />
            <Menu.Label>{t('admin.title')}</Menu.Label>
            <Menu.Item component={Link} to="/admin/users">
              {t('admin.users.title')}
            </Menu.Item>
            <Menu.Item component={Link} to="/admin/outbox">
              {t('admin.outbox.title')}
            </Menu.Item>
            <Menu.Item component={Link} to="/admin/settings">
              {t('admin.settings.title')}
            </Menu.Item>
            <Menu.Item component={Link} to="/admin/backup">
              {t('admin.backup.title')}
            </Menu.Item>
          </>
        )}
        <Menu.Divider />
        <Menu.Item onClick={() => signOut.mutate()}>{t('auth.signOut')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
