import { Container } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { Outlet, ScrollRestoration, useLocation, useNavigation } from 'react-router';
import { useT } from '../i18n/use-t';
import { Footer } from './footer';
import { Header } from './header';
import { TwoFactorReminder } from './two-factor-reminder';

/** The frame of every page: skip link, header, main content, footer. */
export function Layout() {
  const t = useT();
  const main = useRef<HTMLElement>(null);
  const location = useLocation();
  const navigation = useNavigation();
  const isFirstRender = useRef(true);

  // After a navigation, start keyboard and screen-reader users at the new page's content.
  useEffect(() => {
    if (isFirstRender.current) {
      isFirstRender.current = false;
      return;
    }
    main.current?.focus({ preventScroll: true });
  }, [location.pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('layout.skipToContent')}
      </a>
      <Header />
      <main id="main" ref={main} tabIndex={-1} aria-busy={navigation.state === 'loading' || undefined}>
        <Container size="lg" py="lg">
          <TwoFactorReminder />
          <Outlet />
        </Container>
      </main>
      <Footer />
      <ScrollRestoration />
    </>
  );
}
