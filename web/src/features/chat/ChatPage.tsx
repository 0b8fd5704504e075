import { useParams } from 'react-router';
import './chat.css';
import { ConversationView } from './ConversationView';
import { NewChat } from './NewChat';

/** The chat screen: a new chat at `/`, a conversation at `/c/:conversationId`. */
export function ChatPage() {
  const { conversationId } = useParams();
  return conversationId ? <ConversationView key={conversationId} conversationId={conversationId} /> : <NewChat />;
}
