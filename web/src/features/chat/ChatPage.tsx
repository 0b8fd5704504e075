import { Typography } from 'antd';
import { useParams } from 'react-router';

/** Placeholder: the chat screen (new chat at `/`, a conversation at `/c/:conversationId`). */
export function ChatPage() {
  const { conversationId } = useParams();
  return <Typography.Paragraph style={{ padding: 24 }}>{conversationId ?? 'new chat'}</Typography.Paragraph>;
}
