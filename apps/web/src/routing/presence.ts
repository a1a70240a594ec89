import { useEffect, useRef } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, post, put } from '../api/client.ts';
import type { Presence, PresenceReason, PresenceStatus } from './types.ts';

export const presenceKey = ['routing', 'presence'] as const;

/** The server counts an agent offline after two minutes without a heartbeat. */
const HEARTBEAT_MS = 30_000;
/** No keyboard, mouse or touch input for this long in any tab: automatically away. */
export const INACTIVE_MS = 10 * 60_000;
const LAST_INPUT = 'sb.lastInput';

/** Input in any tab counts: tabs share the last input time through localStorage. */
function lastInputAt(): number {
  const v = Number(localStorage.getItem(LAST_INPUT));
  return Number.isFinite(v) && v > 0 ? v : Date.now();
}

export function usePresence() {
  return useQuery({ queryKey: presenceKey, queryFn: ({ signal }) => get<Presence>('/routing/presence', undefined, signal), staleTime: 30_000 });
}

export function useSetPresence() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { status: PresenceStatus; reason?: PresenceReason | null; automatic?: boolean }) => put<Presence>('/routing/presence', body),
    onSuccess: (p) => qc.setQueryData(presenceKey, p),
  });
}

/**
 * Keeps the agent available to routing while the app is open (a heartbeat every 30 s), sets them
 * away after ten minutes without input, and back online on input when the away was automatic.
 */
export function usePresenceKeeper(): void {
  const qc = useQueryClient();
  const { data: presence } = usePresence();
  const setPresence = useSetPresence();
  // Listeners are installed once; they read the current state through this ref.
  const current = useRef({ presence, setPresence });
  current.current = { presence, setPresence };

  useEffect(() => {
    const beat = () => void post<Presence>('/routing/presence/heartbeat').then((p) => qc.setQueryData(presenceKey, p), () => undefined);
    beat();
    const timer = setInterval(beat, HEARTBEAT_MS);
    return () => clearInterval(timer);
  }, [qc]);

  useEffect(() => {
    let last = 0;
    const onInput = () => {
      const now = Date.now();
      if (now - last < 5_000) return; // a burst of mouse moves writes once
      last = now;
      localStorage.setItem(LAST_INPUT, String(now));
      const { presence: p, setPresence: m } = current.current;
      if (p?.status === 'away' && p.automatic && !m.isPending) m.mutate({ status: 'online' });
    };
    const events = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;
    for (const e of events) window.addEventListener(e, onInput, { passive: true });
    localStorage.setItem(LAST_INPUT, String(Date.now()));
    const idle = setInterval(() => {
      const { presence: p, setPresence: m } = current.current;
      if (p?.status === 'online' && Date.now() - lastInputAt() > INACTIVE_MS && !m.isPending) m.mutate({ status: 'away', automatic: true });
    }, 30_000);
    return () => {
      for (const e of events) window.removeEventListener(e, onInput);
      clearInterval(idle);
    };
  }, []);
}

/** Mantine color of a presence dot. */
export const presenceColor = (s: PresenceStatus | undefined): string => (s === 'online' ? 'teal' : s === 'away' ? 'yellow' : 'gray');
