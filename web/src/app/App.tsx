import { MantineProvider, Center, Loader } from '@mantine/core';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api';
import { AuthProvider, meKey, useAuth, type Action } from './auth';
import { Layout } from './Layout';
import { theme } from './theme';
import { LoginPage } from '../features/accounts/LoginPage';
import { NotFoundPage } from './NotFoundPage';

// every page is its own chunk, loaded when first opened: a delegate's phone on a slow connection downloads the
// app's core and the delegate page, not the staff pages (the files are served precompressed, web/vite.config.ts)
const page = <K extends string>(name: K, load: () => Promise<Record<K, ComponentType>>) => lazy(() => load().then((m) => ({ default: m[name] })));
const UsersPage = page('UsersPage', () => import('../features/accounts/UsersPage'));
const AuditPage = page('AuditPage', () => import('../features/audit/AuditPage'));
const OrgTreePage = page('OrgTreePage', () => import('../features/orgs/OrgTreePage'));
const OrgPage = page('OrgPage', () => import('../features/orgs/OrgPage'));
const MemberPage = page('MemberPage', () => import('../features/members/MemberPage'));
const MemberSearchPage = page('MemberSearchPage', () => import('../features/members/MemberSearchPage'));
const ResolutionsHomePage = page('ResolutionsHomePage', () => import('../features/resolutions/ResolutionsHomePage'));
const OrgDashboardPage = page('OrgDashboardPage', () => import('../features/resolutions/OrgDashboardPage'));
const RecordResolutionPage = page('RecordResolutionPage', () => import('../features/resolutions/RecordResolutionPage'));
const ResolutionPage = page('ResolutionPage', () => import('../features/resolutions/ResolutionPage'));
const FiguresPage = page('FiguresPage', () => import('../features/resolutions/FiguresPage'));
const StudyScanPage = page('StudyScanPage', () => import('../features/resolutions/StudyScanPage'));
const RollupPage = page('RollupPage', () => import('../features/resolutions/RollupPage'));
const CongressListPage = page('CongressListPage', () => import('../features/congress/CongressListPage'));
const CongressPage = page('CongressPage', () => import('../features/congress/CongressPage'));
const CheckinPage = page('CheckinPage', () => import('../features/congress/CheckinPage'));
const ConsolePage = page('ConsolePage', () => import('../features/congress/ConsolePage'));
const ProjectorPage = page('ProjectorPage', () => import('../features/congress/ProjectorPage'));
const DelegatePage = page('DelegatePage', () => import('../features/congress/DelegatePage'));
const VotingPage = page('VotingPage', () => import('../features/voting/VotingPage'));
const PaperCountPage = page('PaperCountPage', () => import('../features/voting/PaperCountPage'));

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
            <Suspense fallback={<Loading />}>
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
                <Route path="resolutions/org/:id/rollup" element={<RollupPage />} />
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
            </Suspense>
          </BrowserRouter>
        </AuthProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
