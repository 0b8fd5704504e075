import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { ChangePasswordPage } from '../features/auth/ChangePasswordPage';
import { LoginPage } from '../features/auth/LoginPage';
import { RegisterPage } from '../features/auth/RegisterPage';
import { AgentRoutes } from '../features/agents/AgentRoutes';
import { ChatPage } from '../features/chat/ChatPage';
import { SearchPage } from '../features/data/SearchPage';
import { SettingsRoutes } from '../features/settings/SettingsRoutes';
import { RequireAgent } from '../features/support/RequireAgent';
import { Loading } from './Loading';
import { NotFound } from './NotFound';
import { RequireAdmin, RequireAuth, RequirePasswordChanged } from './guards';
import { Shell } from './Shell';

// The console's code (charts included) is fetched only by administrators who open it.
const AdminRoutes = lazy(() => import('../features/admin/AdminRoutes'));
// The agents' inbox likewise, only for support agents and administrators.
const SupportRoutes = lazy(() => import('../features/support/SupportRoutes'));

/**
 * Every client-side route. The server answers index.html for any of these paths, so a reload or a
 * shared link lands on the same screen.
 */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/register" element={<RegisterPage />} />
      <Route element={<RequireAuth />}>
        <Route path="/change-password" element={<ChangePasswordPage />} />
        <Route element={<RequirePasswordChanged />}>
          <Route element={<Shell />}>
            <Route index element={<ChatPage />} />
            <Route path="/c/:conversationId" element={<ChatPage />} />
            <Route path="/search" element={<SearchPage />} />
            <Route path="/agents/*" element={<AgentRoutes />} />
            <Route path="/settings/*" element={<SettingsRoutes />} />
            <Route
              path="/support/*"
              element={
                <RequireAgent>
                  <Suspense fallback={<Loading />}>
                    <SupportRoutes />
                  </Suspense>
                </RequireAgent>
              }
            />
            <Route
              path="/admin/*"
              element={
                <RequireAdmin>
                  <Suspense fallback={<Loading />}>
                    <AdminRoutes />
                  </Suspense>
                </RequireAdmin>
              }
            />
            <Route path="*" element={<NotFound />} />
          </Route>
        </Route>
      </Route>
    </Routes>
  );
}
