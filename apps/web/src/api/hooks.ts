import { useQuery } from '@tanstack/react-query';
import { get, type Page } from './client.ts';
import type { CustomStatus, FieldDefinition, Team, User, ViewWithCount } from './types.ts';

/** Views with live counts (refetched after case changes by the live updates). */
export const useViews = () =>
  useQuery({ queryKey: ['views'], queryFn: () => get<{ items: ViewWithCount[] }>('/views').then((r) => r.items), staleTime: 60_000 });

export const useTeams = () => useQuery({ queryKey: ['teams'], queryFn: () => get<{ items: Team[] }>('/teams').then((r) => r.items), staleTime: 5 * 60_000 });

export const useUsers = () =>
  useQuery({
    queryKey: ['users'],
    queryFn: () => get<{ items: User[] }>('/users').then((r) => r.items.filter((u) => u.role !== 'customer')),
    staleTime: 5 * 60_000,
  });

export const useStatuses = () =>
  useQuery({ queryKey: ['statuses'], queryFn: () => get<{ items: CustomStatus[] }>('/statuses').then((r) => r.items), staleTime: 5 * 60_000 });

export const useFields = (entity: 'case' | 'customer') =>
  useQuery({
    queryKey: ['fields', entity],
    queryFn: () => get<{ items: FieldDefinition[] }>('/fields', { entity }).then((r) => r.items),
    staleTime: 5 * 60_000,
  });

export type { Page };
