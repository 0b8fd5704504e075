import { Typography } from 'antd';
import { Route, Routes } from 'react-router';

/** Placeholder: the settings pages under /settings. */
export function SettingsRoutes() {
  return (
    <Routes>
      <Route index element={<Typography.Paragraph style={{ padding: 24 }}>settings</Typography.Paragraph>} />
    </Routes>
  );
}
