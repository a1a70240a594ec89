/**
 * The customer's WebSocket: the server pushes new messages and status changes of the customer's
 * own requests (nothing else exists on it), and the open screens refetch. Reconnects with
 * backoff; after a reconnect everything is refetched, since pushes may have been missed.
 */
import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { PortalSocketMessage } from './api.ts';

export function useLiveUpdates(enabled: boolean): void {
  const qc = useQueryClient();
  useEffect(() => {
    if (!enabled) return;
    let socket: WebSocket | null = null;
    let stopped = false;
    let attempts = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let heartbeat: ReturnType<typeof setInterval> | undefined;
    const connect = () => {
      socket = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/v1/portal/realtime`);
      socket.onopen = () => {
        if (attempts > 0) void qc.invalidateQueries({ queryKey: ['requests'] });
        attempts = 0;
        heartbeat = setInterval(() => socket?.readyState === WebSocket.OPEN && socket.send('{"type":"ping"}'), 25_000);
      };
      socket.onmessage = (e: MessageEvent<string>) => {
        let msg: PortalSocketMessage | { type: string };
        try {
          msg = JSON.parse(e.data) as PortalSocketMessage;
        } catch {
          return;
        }
        if (msg.type === 'message' || msg.type === 'request') {
          const number = (msg as PortalSocketMessage).number;
          void qc.invalidateQueries({ queryKey: ['requests', 'one', number] });
          void qc.invalidateQueries({ queryKey: ['requests', 'list'] });
        }
      };
      socket.onclose = (e) => {
        clearInterval(heartbeat);
        // 4401: the session ended (signed out elsewhere): do not hammer the server.
        if (stopped || e.code === 4401) return;
        attempts += 1;
        timer = setTimeout(connect, Math.min(30_000, 500 * 2 ** attempts));
      };
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(timer);
      clearInterval(heartbeat);
      socket?.close();
    };
  }, [enabled, qc]);
}
