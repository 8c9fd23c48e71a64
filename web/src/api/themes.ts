import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type QueryOf, type Schemas } from './client';

/** Query keys of themes: invalidate `themeKeys.all` after a change. */
export const themeKeys = {
  all: ['themes'] as const,
  list: (query: QueryOf<'listThemes'>) => ['themes', 'list', query] as const,
  detail: (idOrCode: string, lang: string) => ['themes', 'detail', idOrCode, lang] as const,
};

export const themeListQuery = (query: QueryOf<'listThemes'>) =>
  queryOptions({
    queryKey: themeKeys.list(query),
    queryFn: ({ signal }) => unwrap(api.GET('/api/themes', { params: { query }, signal })),
  });

export const themeQuery = (idOrCode: string, lang: string) =>
  queryOptions({
    queryKey: themeKeys.detail(idOrCode, lang),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/themes/{id}', { params: { path: { id: idOrCode }, query: { lang } }, signal })),
  });

/** Every theme (the taxonomy is small), by code, labelled in the reader's language. */
export function useThemesByCode(lang: string): Map<string, Schemas['Theme']> {
  const { data } = useQuery({
    ...themeListQuery({ lang, pageSize: 200 }),
    staleTime: 10 * 60 * 1000,
    select: (page) => new Map(page.items.map((theme) => [theme.code, theme])),
  });
  return data ?? new Map();
}
