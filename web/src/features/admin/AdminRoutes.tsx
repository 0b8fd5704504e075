import { Typography } from 'antd';
import { Route, Routes } from 'react-router';

/** Placeholder: the admin console under /admin (loaded only by administrators). */
export default function AdminRoutes() {
  return (
    <Routes>
      <Route index element={<Typography.Paragraph style={{ padding: 24 }}>admin</Typography.Paragraph>} />
    </Routes>
  );
}
