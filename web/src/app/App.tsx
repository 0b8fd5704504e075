import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, theme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { ApiError } from '../api/problem';
import { AppRoutes } from './AppRoutes';
import { useDarkMode, usePrefersReducedMotion } from './theme';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A problem answer (4xx) is final; only network failures and 5xx are retried.
      retry: (count, error) => count < 3 && (!(error instanceof ApiError) || error.status === 0 || error.status >= 500),
      refetchOnWindowFocus: false,
      staleTime: 10_000,
    },
  },
});

export function App() {
  const dark = useDarkMode();
  const reducedMotion = usePrefersReducedMotion();
  const { i18n } = useTranslation();
  return (
    <ConfigProvider
      locale={i18n.language === 'zh-CN' ? zhCN : enUS}
      theme={{ algorithm: dark ? theme.darkAlgorithm : theme.defaultAlgorithm, cssVar: {}, token: { motion: !reducedMotion } }}
      button={{ autoInsertSpace: false }}
    >
      <AntApp style={{ height: '100%' }}>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
