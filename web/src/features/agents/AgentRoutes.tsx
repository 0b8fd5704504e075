import { Route, Routes } from 'react-router';
import { NotFound } from '../../app/NotFound';
import { AgentEditorPage } from './AgentEditorPage';
import { AgentListPage } from './AgentListPage';

/** The agents pages: the list at /agents, the editor at /agents/new and /agents/:agentId. */
export function AgentRoutes() {
  return (
    <Routes>
      <Route index element={<AgentListPage />} />
      <Route path="new" element={<AgentEditorPage />} />
      <Route path=":agentId" element={<AgentEditorPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
