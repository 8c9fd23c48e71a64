import { infiniteQueryOptions } from '@tanstack/react-query';
import { api, unwrap, type ResultOf } from './client';

export type HistoryPage = ResultOf<'getHistory'>;
export type HistoryEvent = HistoryPage['items'][number];

const pageSize = 10;

/** The history of one record, newest first, a page at a time ("show older changes" loads the next). */
export const historyQuery = (entity: string, id: string) =>
  infiniteQueryOptions({
    queryKey: ['history', entity, id] as const,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/history', { params: { query: { entity, id, page: pageParam, pageSize } }, signal }),
      ),
    initialPageParam: 1,
    getNextPageParam: (last: HistoryPage) =>
      last.page * last.pageSize < last.total ? last.page + 1 : undefined,
  });
