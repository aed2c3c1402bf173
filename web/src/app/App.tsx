import { MantineProvider, Center, Loader } from '@mantine/core';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api';
import { AuthProvider, meKey, useAuth, type Action } from './auth';
import { Layout } from './Layout';
import { theme } from './theme';
import { LoginPage } from '../features/accounts/LoginPage';
import { UsersPage } from '../features/accounts/UsersPage';
import { AuditPage } from '../features/audit/AuditPage';
import { OrgTreePage } from '../features/orgs/OrgTreePage';
import { OrgPage } from '../features/orgs/OrgPage';
import { MemberPage } from '../features/members/MemberPage';
import { MemberSearchPage } from '../features/members/MemberSearchPage';
import { ResolutionsHomePage } from '../features/resolutions/ResolutionsHomePage';
import { OrgDashboardPage } from '../features/resolutions/OrgDashboardPage';
import { RecordResolutionPage } from '../features/resolutions/RecordResolutionPage';
import { ResolutionPage } from '../features/resolutions/ResolutionPage';
import { FiguresPage } from '../features/resolutions/FiguresPage';
import { StudyScanPage } from '../features/resolutions/StudyScanPage';
// the roll-up carries the chart library: loaded when first opened
const RollupPage = lazy(() => import('../features/resolutions/RollupPage').then((m) => ({ default: m.RollupPage })));
import { NotFoundPage } from './NotFoundPage';
import { CongressListPage } from '../features/congress/CongressListPage';
import { CongressPage } from '../features/congress/CongressPage';
import { CheckinPage } from '../features/congress/CheckinPage';
import { ConsolePage } from '../features/congress/ConsolePage';
import { ProjectorPage } from '../features/congress/ProjectorPage';
import { DelegatePage } from '../features/congress/DelegatePage';
import { VotingPage } from '../features/voting/VotingPage';
import { PaperCountPage } from '../features/voting/PaperCountPage';

const unauthenticated = (e: unknown) => e instanceof ApiError && e.status === 401;

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    // a session that expired mid-work: back to the login form
    onError: (e, query) => {
      if (unauthenticated(e) && query.queryKey[0] !== meKey[0]) queryClient.setQueryData(meKey, null);
    },
  }),
  mutationCache: new MutationCache({
    onError: (e) => {
      if (unauthenticated(e)) queryClient.setQueryData(meKey, null);
    },
  }),
  defaultOptions: {
    queries: { retry: (n, e) => !(e instanceof ApiError && e.status >= 400 && e.status < 500) && n < 2, refetchOnWindowFocus: false, staleTime: 30_000 },
  },
});

function Loading() {
  const { t } = useTranslation();
  return (
    <Center h="60vh">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}

function RequireAuth({ children, action }: { children: ReactNode; action?: Action }) {
  const { me, loading, canSomewhere } = useAuth();
  const location = useLocation();
  if (loading) return <Loading />;
  if (!me) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (action && !canSomewhere(action)) return <NotFoundPage />;
  return <>{children}</>;
}

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <QueryClientProvider client={queryClient}>
        <AuthProvider>
          <BrowserRouter>
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              <Route path="/d/:token" element={<DelegatePage />} />
              <Route path="/congress/:id/projector" element={<RequireAuth action="congress.read"><ProjectorPage /></RequireAuth>} />
              <Route
                element={
                  <RequireAuth>
                    <Layout />
                  </RequireAuth>
                }
              >
                <Route index element={<Navigate to="/orgs" replace />} />
                <Route path="orgs" element={<OrgTreePage />} />
                <Route path="orgs/:id" element={<OrgPage />} />
                <Route path="members" element={<MemberSearchPage />} />
                <Route path="members/:id" element={<MemberPage />} />
                <Route path="congress" element={<RequireAuth action="congress.read"><CongressListPage /></RequireAuth>} />
                <Route path="congress/:id" element={<CongressPage />} />
                <Route path="congress/:id/checkin" element={<RequireAuth action="congress.manage"><CheckinPage /></RequireAuth>} />
                <Route path="congress/:id/console" element={<RequireAuth action="congress.manage"><ConsolePage /></RequireAuth>} />
                <Route path="congress/:id/voting" element={<RequireAuth action="congress.read"><VotingPage /></RequireAuth>} />
                <Route path="congress/:id/elections/:electionId/count" element={<RequireAuth action="congress.manage"><PaperCountPage /></RequireAuth>} />
                <Route path="resolutions" element={<RequireAuth action="resolution.read"><ResolutionsHomePage /></RequireAuth>} />
                <Route path="resolutions/:id" element={<ResolutionPage />} />
                <Route path="resolutions/org/:id" element={<OrgDashboardPage />} />
                <Route path="resolutions/org/:id/new" element={<RequireAuth action="resolution.manage"><RecordResolutionPage /></RequireAuth>} />
                <Route path="resolutions/org/:id/figures" element={<RequireAuth action="resolution.manage"><FiguresPage /></RequireAuth>} />
                <Route path="resolutions/study-sessions/:id/scan" element={<RequireAuth action="resolution.manage"><StudyScanPage /></RequireAuth>} />
                <Route path="resolutions/org/:id/rollup" element={<Suspense fallback={<Loading />}><RollupPage /></Suspense>} />
                <Route
                  path="audit"
                  element={
                    <RequireAuth action="audit.read">
                      <AuditPage />
                    </RequireAuth>
                  }
                />
                <Route
                  path="users"
                  element={
                    <RequireAuth action="user.manage">
                      <UsersPage />
                    </RequireAuth>
                  }
                />
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Routes>
          </BrowserRouter>
        </AuthProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
