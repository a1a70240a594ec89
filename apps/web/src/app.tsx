import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Center, Loader, MantineProvider, localStorageColorSchemeManager } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { ApiError } from './api/client.ts';
import { LoginPage } from './auth/login-page.tsx';
import { SessionProvider, useSessionQuery } from './auth/session.tsx';
import { AppShellLayout } from './shell/app-shell.tsx';
import { InboxPage } from './inbox/inbox-page.tsx';
import { ErrorState } from './ui/error-state.tsx';
import { cssVariablesResolver, localizedTheme } from './ui/theme.ts';

const CasePage = lazy(() => import('./case/case-page.tsx').then((m) => ({ default: m.CasePage })));
const CustomerPage = lazy(() => import('./customer/customer-page.tsx'));
const CustomersPage = lazy(() => import('./customer/customers-page.tsx'));
const SupervisorPage = lazy(() => import('./supervisor/supervisor-page.tsx'));
const AdminPage = lazy(() => import('./admin/admin-page.tsx'));
const InvitePage = lazy(() => import('./auth/invite-page.tsx'));
const SettingsPage = lazy(() => import('./shell/settings-page.tsx'));
const MacrosPage = lazy(() => import('./macros/macros-page.tsx'));
const KnowledgePage = lazy(() => import('./knowledge/knowledge-page.tsx'));
const FlowsPage = lazy(() => import('./flows/flows-page.tsx'));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
    },
  },
});

const colorSchemeManager = localStorageColorSchemeManager({ key: 'sb.color-scheme' });

function Loading() {
  return (
    <Center h="100%" p="xl">
      <Loader aria-label="Loading" />
    </Center>
  );
}

function SignedIn() {
  const session = useSessionQuery();
  if (session.isPending) return <Loading />;
  if (session.isError) return <ErrorState error={session.error} onRetry={() => void session.refetch()} />;
  if (!session.data) return <LoginPage />;
  return (
    <SessionProvider session={session.data}>
      <AppShellLayout>
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route path="/" element={<Navigate to="/inbox/mine" replace />} />
            <Route path="/inbox/:viewId" element={<InboxPage />} />
            <Route path="/cases/:number" element={<CasePage />} />
            <Route path="/customers" element={<CustomersPage />} />
            <Route path="/customers/:id" element={<CustomerPage />} />
            <Route path="/supervisor" element={<SupervisorPage />} />
            <Route path="/admin/*" element={<AdminPage />} />
            <Route path="/settings" element={<SettingsPage />} />
            <Route path="/macros" element={<MacrosPage />} />
            <Route path="/knowledge/*" element={<KnowledgePage />} />
            <Route path="/flows/*" element={<FlowsPage />} />
            <Route path="/login" element={<Navigate to="/inbox/mine" replace />} />
            <Route path="*" element={<Navigate to="/inbox/mine" replace />} />
          </Routes>
        </Suspense>
      </AppShellLayout>
    </SessionProvider>
  );
}

export function App() {
  const { t } = useTranslation();
  const closeLabel = t('actions.close');
  const theme = useMemo(() => localizedTheme(closeLabel), [closeLabel]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} colorSchemeManager={colorSchemeManager} defaultColorScheme="auto">
      <Notifications position="top-right" limit={4} />
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <Suspense fallback={<Loading />}>
            <Routes>
              <Route path="/invite/:token" element={<InvitePage />} />
              <Route path="*" element={<SignedIn />} />
            </Routes>
          </Suspense>
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  );
}
