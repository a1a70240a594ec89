import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, get, post, setCsrfToken, type PortalBranding, type PortalSession } from './api.ts';

export const sessionKey = ['session'] as const;

/** The signed-in customer, or null when nobody is signed in (401). */
export function useSession() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: async () => {
      try {
        const s = await get<PortalSession>('/session');
        setCsrfToken(s.csrfToken);
        return s;
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) {
          setCsrfToken(null);
          return null;
        }
        throw err;
      }
    },
    staleTime: 5 * 60_000,
  });
}

/** Company name, colour, logo and welcome texts (public). */
export function useBranding() {
  return useQuery({ queryKey: ['branding'], queryFn: () => get<PortalBranding>('/branding'), staleTime: 10 * 60_000 });
}

/** Signs out on the server and forgets everything cached about the customer. */
export function useSignOut() {
  const qc = useQueryClient();
  return async () => {
    await post('/auth/logout').catch(() => undefined);
    setCsrfToken(null);
    qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'branding' });
    qc.setQueryData(sessionKey, null);
  };
}
