import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type * as C from '@switchboard/contracts';
import { get } from '../api/client.ts';
import { realtime } from '../realtime/socket.ts';

export type SupervisorOverview = z.infer<typeof C.SupervisorOverview>;
export type TeamOverview = z.infer<typeof C.TeamOverview>;
export type AgentLoad = z.infer<typeof C.AgentLoad>;

export const supervisorKey = ['supervisor'] as const;

/**
 * The live overview of the supervisor's teams: polled every 15 s (presence and last activity change
 * without events) and refetched shortly after pushed case events or presence changes.
 */
export function useSupervisorOverview(enabled: boolean) {
  const qc = useQueryClient();
  useEffect(() => {
    if (!enabled) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A burst of events (a bulk change) refetches once.
    const refresh = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void qc.invalidateQueries({ queryKey: supervisorKey }), 800);
    };
    const offEvent = realtime.onEvent((e) => {
      if (e.type.startsWith('case.') || e.type === 'user.changed' || e.type === 'team.changed' || e.type === 'agent.presence_changed') refresh();
    });
    const offPresence = realtime.onPresence((p) => {
      if (p.state !== 'typing') refresh();
    });
    return () => {
      clearTimeout(timer);
      offEvent();
      offPresence();
    };
  }, [qc, enabled]);
  return useQuery({
    queryKey: supervisorKey,
    queryFn: ({ signal }) => get<SupervisorOverview>('/supervisor/overview', undefined, signal),
    enabled,
    staleTime: 10_000,
    refetchInterval: 15_000,
  });
}
