import { useInfiniteQuery, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, patch, type Page } from '../api/client.ts';
import type { Case, Customer, Organization, UpdateCustomerBody } from '../api/types.ts';

/** One customer, with the important fields still missing (kept current by the live updates). */
export function useCustomer(id: string) {
  return useQuery({
    queryKey: ['customer', id],
    queryFn: ({ signal }) => get<Customer>(`/customers/${id}`, undefined, signal),
    enabled: !!id,
  });
}

/**
 * Saves changes to a customer with the version they are based on (If-Match), puts the answer in
 * the cache and refreshes the lists that show customers (and cases, whose requester name may change).
 */
export function useUpdateCustomer(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, version }: { body: UpdateCustomerBody; version: number }) => patch<Customer>(`/customers/${id}`, body, { version }),
    onSuccess: (customer, { body }) => {
      qc.setQueryData(['customer', id], customer);
      void qc.invalidateQueries({ queryKey: ['customers'] });
      if (body.name !== undefined) void qc.invalidateQueries({ queryKey: ['cases'] });
    },
  });
}

/** Organizations by name (first 50 matches), for pickers. */
export function useOrganizationSearch(q: string) {
  return useQuery({
    queryKey: ['organizations', { q, limit: 50 }],
    queryFn: ({ signal }) => get<Page<Organization>>('/organizations', { q, limit: 50 }, signal).then((r) => r.items),
    staleTime: 60_000,
    placeholderData: (previous) => previous,
  });
}

/** The full records (tier, domains) of the organizations a customer belongs to. */
export function useOrganizations(ids: readonly string[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: ['organizations', id],
      queryFn: ({ signal }: { signal: AbortSignal }) => get<Organization>(`/organizations/${id}`, undefined, signal),
      staleTime: 5 * 60_000,
    })),
  });
}

export interface CustomerCaseParams {
  requesterId: string;
  view: 'all';
  status?: string[];
  sort?: string;
  limit: number;
}

/**
 * A customer's cases, page by page. An infinite query under ['cases', …] on purpose: the live
 * updates patch and refresh every cached case list with that shape.
 */
export function useCustomerCases(params: CustomerCaseParams, enabled = true) {
  return useInfiniteQuery({
    queryKey: ['cases', params],
    queryFn: ({ pageParam, signal }) => get<Page<Case>>('/cases', { ...params, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 15_000,
    enabled: enabled && !!params.requesterId,
  });
}
