import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp } from 'antd';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { AuthProvider, useAuth } from '../auth/AuthProvider';
import { I18nProvider } from '../i18n/I18nProvider';
import { OidcCallbackPage } from '../pages/common/OidcCallbackPage';
import { SignInPage } from '../pages/common/SignInPage';
import { AppShell } from './AppShell';
import { homeFor, navFor } from './nav';
import { PAGES } from './pages';

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false, staleTime: 5_000 } } });

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <AntApp>
          <AuthProvider>
            <BrowserRouter>
              <AppRoutes />
            </BrowserRouter>
          </AuthProvider>
        </AntApp>
      </I18nProvider>
    </QueryClientProvider>
  );
}

function AppRoutes() {
  const { session, role } = useAuth();
  if (!session) {
    return (
      <Routes>
        <Route path="/sign-in/callback" element={<OidcCallbackPage />} />
        <Route path="*" element={<SignInPage />} />
      </Routes>
    );
  }
  return (
    <Routes>
      <Route element={<AppShell />}>
        {navFor(role).map((n) => (
          <Route key={n.path} path={n.path} element={PAGES[n.path]} />
        ))}
        <Route path="*" element={<Navigate to={homeFor(role)} replace />} />
      </Route>
    </Routes>
  );
}
