import { useQuery } from '@tanstack/react-query';
import { get } from '../api/client.ts';
import type { TeamForm, User } from '../api/types.ts';

/** Every staff user, deactivated ones too (the key sits under ['users'], so live updates refresh it). */
export const useAllUsers = () =>
  useQuery({
    queryKey: ['users', { includeInactive: true }],
    queryFn: () => get<{ items: User[] }>('/users', { includeInactive: true }).then((r) => r.items.filter((u) => u.role !== 'customer')),
  });

/** The case fields a team's form uses (under ['teams'], refreshed with the teams). */
export const teamFormKey = (teamId: string) => ['teams', teamId, 'form'] as const;
export const useTeamForm = (teamId: string | null | undefined) =>
  useQuery({
    queryKey: teamFormKey(teamId ?? ''),
    queryFn: () => get<TeamForm>(`/teams/${teamId}/form`),
    enabled: !!teamId,
  });
