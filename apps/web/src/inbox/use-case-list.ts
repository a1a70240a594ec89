import { useInfiniteQuery } from '@tanstack/react-query';
import { get, type Page } from '../api/client.ts';
import type { Case } from '../api/types.ts';

export interface ListParams {
  view: string;
  status?: string[];
  priority?: string[];
  channel?: string[];
  teamId?: string[];
  assignee?: string;
  tag?: string[];
  sort?: string;
}

export const PAGE_SIZE = 50;

/** One view's cases, page by page (cursor pagination: the server never scans an offset). */
export function useCaseList(params: ListParams) {
  return useInfiniteQuery({
    queryKey: ['cases', params],
    queryFn: ({ pageParam, signal }) => get<Page<Case>>('/cases', { ...params, limit: PAGE_SIZE, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 15_000,
  });
}
