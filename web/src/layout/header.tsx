import { Anchor, Container, Group } from '@mantine/core';
import { Link, NavLink } from 'react-router';
import { useT } from '../i18n/use-t';
import type { MessageId } from '../i18n/messages';
import { HeaderSearch } from './header-search';
import { LocaleSwitcher } from './locale-switcher';
import { NotificationsBell } from './notifications-bell';
import { UserMenu } from './user-menu';

const sections: { to: string; label: MessageId }[] = [
  { to: '/organisations', label: 'nav.organisations' },
  { to: '/projects', label: 'nav.projects' },
  { to: '/initiatives', label: 'nav.initiatives' },
  { to: '/activities', label: 'nav.activities' },
  { to: '/themes', label: 'nav.themes' },
];

/** The site header: the name (home), the search box, the sections, the language switch and the account. */
export function Header() {
  const t = useT();
  return (
    <header className="site-header">
      <Container size="lg" py="sm">
        <Group justify="space-between" gap="md" wrap="wrap">
          <Anchor component={Link} to="/" fw={700} fz="xl" c="blue.9" underline="never">
            {t('app.name')}
          </Anchor>
          <HeaderSearch />
          <Group gap="sm" wrap="nowrap">
            <LocaleSwitcher />
            <NotificationsBell />
            <UserMenu />
          </Group>
        </Group>
        <nav aria-label={t('layout.mainNavigation')}>
          <Group component="ul" className="plain-list" gap="xs" mt="xs">
            {sections.map((section) => (
              <li key={section.to}>
                <NavLink to={section.to} className="nav-link">
                  {t(section.label)}
                </NavLink>
              </li>
            ))}
          </Group>
        </nav>
      </Container>
    </header>
  );
}
