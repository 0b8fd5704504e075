import { Typography } from 'antd';
import { Route, Routes } from 'react-router';

/** Placeholder: the agents pages under /agents. */
export function AgentRoutes() {
  return (
    <Routes>
      <Route index element={<Typography.Paragraph style={{ padding: 24 }}>agents</Typography.Paragraph>} />
    </Routes>
  );
}
