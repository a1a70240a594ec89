import { useSyncExternalStore } from 'react';

/**
 * One shared clock for every "time left" on screen: a single interval, however many badges a
 * list shows, ticking every 30 seconds (badges show minutes at best).
 */
const TICK_MS = 30_000;
let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    timer = setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** The current time in milliseconds, refreshed every 30 seconds. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now);
}
