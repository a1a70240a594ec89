import { lazy, Suspense, useMemo, type ReactNode } from 'react';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { ApiError } from './api.ts';
import { Layout } from './layout.tsx';
import { HomePage } from './home-page.tsx';
import { SignInPage } from './sign-in-page.tsx';
import { useLiveUpdates } from './live.ts';
import { useBranding, useSession } from './session.ts';
import { cssVariablesResolver, portalTheme } from './theme.ts';
import { ErrorState } from './error-state.tsx';
import { Loading } from './loading.tsx';

const RequestsPage = lazy(() => import('./requests-page.tsx'));
const RequestPage = lazy(() => import('./request-page.tsx'));
const NewRequestPage = lazy(() => import('./new-request-page.tsx'));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
    },
  },
});

/** Screens for signed-in customers: others go to sign-in, and come back here afterwards. */
function SignedIn({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Loading />;
  if (session.isError) return <ErrorState error={session.error} onRetry={() => void session.refetch()} />;
  if (!session.data) return <Navigate to="/sign-in" replace state={{ returnTo: `/portal${location.pathname}${location.search}` }} />;
  return children;
}

function Routed() {
  const session = useSession();
  useLiveUpdates(!!session.data);
  return (
    <Layout>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route path="/" element={<HomePage />} />
          <Route path="/sign-in" element={<SignInPage />} />
          <Route path="/requests" element={<SignedIn><RequestsPage /></SignedIn>} />
          <Route path="/requests/new" element={<SignedIn><NewRequestPage /></SignedIn>} />
          <Route path="/requests/:ref" element={<SignedIn><RequestPage /></SignedIn>} />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      </Suspense>
    </Layout>
  );
}

function Themed({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const branding = useBranding();
  const color = branding.data?.primaryColor ?? '#1864ab';
  const closeLabel = t('close');
  const theme = useMemo(() => portalTheme(color, closeLabel), [color, closeLabel]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} forceColorScheme="light">
      <Notifications position="top-right" limit={3} />
      {children}
    </MantineProvider>
  );
}

/** The customer portal at /portal: home, sign-in by link, my requests, a request, a new request. */
export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <Themed>
        <BrowserRouter basename="/portal">
          <Routed />
        </BrowserRouter>
      </Themed>
    </QueryClientProvider>
  );
}
