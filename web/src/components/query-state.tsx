import { Alert, Button, Center, Loader, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { SignInLink } from '../accounts/sign-in-link';
import { ApiError } from '../api/client';
import { useT } from '../i18n/use-t';
import { usePageTitle } from './page-title';

/** A page's loading state: announced as busy, drawn as the outline of what is coming. */
export function PageLoading() {
  return (
    <Stack aria-busy="true" gap="sm">
      <Skeleton height={36} width="50%" />
      <Skeleton height={16} />
      <Skeleton height={16} width="80%" />
      <Skeleton height={16} width="65%" />
    </Stack>
  );
}

/** A small loading state inside a section. The label is read to screen readers. */
export function SectionLoading({ label }: { label?: string }) {
  const t = useT();
  return (
    <Center py="md" aria-busy="true" role="status">
      <Loader size="sm" aria-hidden />
      <span className="visually-hidden">{label ?? t('common.loading')}</span>
    </Center>
  );
}

/** An error the server or the network gave, with the problem's `detail` and a way to try again. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  const isNotFound = error instanceof ApiError && error.isNotFound;
  const detail = error instanceof ApiError ? error.message : t('common.networkError');
  if (error instanceof ApiError && error.isSignInNeeded) {
    return (
      <Alert color="blue" variant="light" title={t('auth.required.title')} role="alert">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{t('auth.required.text')}</Text>
          <SignInLink size="sm" />
        </Stack>
      </Alert>
    );
  }
  if (error instanceof ApiError && error.isForbidden) {
    return (
      <Alert color="red" variant="light" title={t('auth.denied.title')} role="alert">
        <Text size="sm">{t('auth.denied.text')}</Text>
      </Alert>
    );
  }
  return (
    <Alert
      color="red"
      variant="light"
      title={isNotFound ? t('common.notFound') : t('common.error')}
      role="alert"
    >
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{detail}</Text>
        {onRetry && !isNotFound && (
          <Button size="xs" variant="outline" color="red.9" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

/** Says there is nothing to show, in words rather than a blank space. */
export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <Text c="dimmed" fs="italic" py="sm">
      {children}
    </Text>
  );
}

/** A page whose record could not be shown: still a titled page with a heading, then the reason. */
export function PageError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  const heading = error instanceof ApiError && error.isNotFound ? t('common.notFound') : t('common.error');
  usePageTitle(heading);
  return (
    <Stack>
      <Title order={1}>{heading}</Title>
      <ErrorState error={error} onRetry={onRetry} />
    </Stack>
  );
}

interface QueryStateProps<T> {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
  /** The query is the page's own record: page skeleton while loading, a titled page on error. */
  isPage?: boolean;
}

/** Renders a query's data, or its loading or error state. */
export function QueryState<T>({ query, children, isPage = false }: QueryStateProps<T>) {
  const retry = () => void query.refetch();
  if (query.isPending) return isPage ? <PageLoading /> : <SectionLoading />;
  if (query.isError) {
    return isPage ? (
      <PageError error={query.error} onRetry={retry} />
    ) : (
      <ErrorState error={query.error} onRetry={retry} />
    );
  }
  return <>{children(query.data)}</>;
}
