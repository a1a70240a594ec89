import { useEffect, useRef, useState } from 'react';
import { useQueryClient, type InfiniteData, type QueryClient } from '@tanstack/react-query';
import type { Page } from '../api/client.ts';
import type { Case, PushedEvent } from '../api/types.ts';
import { realtime, type ConnectionState } from './socket.ts';

/** Puts a case pushed by the server into every cached list page and its own cache entry. */
export function patchCase(qc: QueryClient, updated: Case): void {
  // The case screen loads a case by its number (the address agents share), so both keys are kept.
  for (const key of [updated.id, String(updated.number)]) qc.setQueryData<Case>(['case', key], (old) => (old && old.version > updated.version ? old : updated));
  qc.setQueriesData<InfiniteData<Page<Case>>>({ queryKey: ['cases'] }, (data) => {
    // Only paged (infinite) lists live under ['cases']; anything else is left alone.
    if (!data || !Array.isArray(data.pages)) return data;
    let changed = false;
    const pages = data.pages.map((p) => ({
      ...p,
      items: p.items.map((c) => {
        if (c.id !== updated.id || c.version > updated.version) return c;
        changed = true;
        return updated;
      }),
    }));
    return changed ? { ...data, pages } : data;
  });
}

/** Sets a case's SLA (pushed by `case.sla_changed`) wherever the case is cached; its version stays. */
export function patchCaseSla(qc: QueryClient, caseId: string, number: number | undefined, sla: Case['sla']): void {
  const keys = number === undefined ? [caseId] : [caseId, String(number)];
  for (const key of keys) qc.setQueryData<Case>(['case', key], (old) => (old ? { ...old, sla } : old));
  qc.setQueriesData<InfiniteData<Page<Case>>>({ queryKey: ['cases'] }, (data) => {
    if (!data || !Array.isArray(data.pages)) return data;
    let changed = false;
    const pages = data.pages.map((p) => ({
      ...p,
      items: p.items.map((c) => {
        if (c.id !== caseId) return c;
        changed = true;
        return { ...c, sla };
      }),
    }));
    return changed ? { ...data, pages } : data;
  });
}

function debounce(fn: () => void, ms: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };
}

/**
 * Keeps the caches current from pushed events: a changed case is patched in place (no refetch),
 * a new message refetches that timeline, and lists and view counts refresh shortly after a burst.
 * After a reconnect everything is refetched, since events may have been missed meanwhile.
 */
export function useLiveUpdates(onEvent?: (e: PushedEvent) => void): ConnectionState {
  const qc = useQueryClient();
  const [state, setState] = useState<ConnectionState>(realtime.state);
  const listener = useRef(onEvent);
  listener.current = onEvent;
  useEffect(() => {
    const refreshLists = debounce(() => void qc.invalidateQueries({ queryKey: ['cases'] }), 400);
    const refreshCounts = debounce(() => void qc.invalidateQueries({ queryKey: ['views'] }), 1500);
    const offEvent = realtime.onEvent((e) => {
      const caseId = typeof e.payload.caseId === 'string' ? e.payload.caseId : undefined;
      const refreshCase = () => {
        if (caseId) void qc.invalidateQueries({ queryKey: ['case', caseId] });
        if (typeof e.payload.number === 'number') void qc.invalidateQueries({ queryKey: ['case', String(e.payload.number)] });
        if (typeof e.payload.sourceNumber === 'number') void qc.invalidateQueries({ queryKey: ['case', String(e.payload.sourceNumber)] });
      };
      switch (e.type) {
        case 'case.updated':
          if (e.payload.case) patchCase(qc, e.payload.case as Case);
          if (caseId) void qc.invalidateQueries({ queryKey: ['timeline', caseId] });
          refreshLists();
          refreshCounts();
          break;
        case 'case.created':
        case 'case.merged':
          refreshLists();
          refreshCounts();
          refreshCase();
          if (caseId && e.type === 'case.merged') void qc.invalidateQueries({ queryKey: ['timeline', caseId] });
          break;
        case 'case.entry_added':
          if (caseId) void qc.invalidateQueries({ queryKey: ['timeline', caseId] });
          refreshCase();
          refreshLists();
          if (e.payload.statusChanged) refreshCounts();
          break;
        case 'case.sla_changed':
          if (caseId) patchCaseSla(qc, caseId, typeof e.payload.number === 'number' ? e.payload.number : undefined, (e.payload.sla ?? null) as Case['sla']);
          void qc.invalidateQueries({ queryKey: ['case-sla', caseId] });
          // A list sorted by due time may change order.
          refreshLists();
          break;
        case 'case.linked':
          void qc.invalidateQueries({ queryKey: ['links'] });
          break;
        case 'customer.created':
        case 'customer.updated':
        case 'customer.merged':
          void qc.invalidateQueries({ queryKey: ['customer'] });
          void qc.invalidateQueries({ queryKey: ['customers'] });
          break;
        case 'organization.changed':
          void qc.invalidateQueries({ queryKey: ['organizations'] });
          break;
        case 'user.changed':
        case 'team.changed':
          void qc.invalidateQueries({ queryKey: ['users'] });
          void qc.invalidateQueries({ queryKey: ['teams'] });
          break;
        case 'notification.created':
          void qc.invalidateQueries({ queryKey: ['notifications'] });
          break;
      }
      listener.current?.(e);
    });
    const offState = realtime.onState(setState);
    const offReconnect = realtime.onReconnect(() => void qc.invalidateQueries());
    realtime.start();
    return () => {
      offEvent();
      offState();
      offReconnect();
      realtime.stop();
    };
  }, [qc]);
  return state;
}
