import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { get } from '../api/client.ts';
import type { Macro } from './types.ts';

export interface MacroFilter {
  q?: string;
  scope?: 'personal' | 'shared';
  /** Only macros you may apply. */
  usable?: boolean;
  limit?: number;
}

/** Macros the signed-in user may see, best match first; the last list stays while the next loads. */
export const useMacros = (filter: MacroFilter, enabled = true) =>
  useQuery({
    queryKey: ['macros', filter],
    queryFn: () => get<{ items: Macro[] }>('/macros', { q: filter.q, scope: filter.scope, usable: filter.usable ? 'true' : undefined, limit: filter.limit ?? 200 }).then((r) => r.items),
    placeholderData: keepPreviousData,
    enabled,
    staleTime: 30_000,
  });
