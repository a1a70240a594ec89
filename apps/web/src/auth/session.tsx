import { createContext, useContext, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, get, post, setCsrfToken } from '../api/client.ts';
import type { Session, User } from '../api/types.ts';

interface SessionValue {
  user: User;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export const sessionKey = ['session'] as const;

/** Loads the session (GET /auth/me); `null` when nobody is signed in. */
export function useSessionQuery() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: async () => {
      try {
        const s = await get<Session>('/auth/me');
        setCsrfToken(s.csrfToken);
        return s;
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) return null;
        throw err;
      }
    },
    staleTime: 5 * 60_000,
    retry: (count, err) => !(err instanceof ApiError && err.status < 500) && count < 2,
  });
}

export function SessionProvider({ session, children }: { session: Session; children: ReactNode }) {
  const qc = useQueryClient();
  const value: SessionValue = {
    user: session.user,
    signOut: async () => {
      try {
        await post('/auth/logout');
      } finally {
        setCsrfToken(null);
        qc.clear();
        qc.setQueryData(sessionKey, null);
      }
    },
  };
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The signed-in user; only inside the signed-in part of the app. */
export function useSession(): SessionValue {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
