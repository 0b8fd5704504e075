import { Route, Routes } from 'react-router';
import { NotFound } from '../../app/NotFound';
import { InboxPage } from './InboxPage';

/** The agents' inbox: /support and /support/:conversationId (loaded only by agents who open it). */
export default function SupportRoutes() {
  return (
    <Routes>
      <Route path=":conversationId?" element={<InboxPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
