import type { Message } from '../src/api/types';

/** A stored message as the API answers it, for unit tests; `content` is its id. */
export function storedMessage(id: string, parent: string | null, role: Message['role'], createdAt: string): Message {
  return {
    id,
    conversation_id: 'c',
    parent_id: parent,
    role,
    content: id,
    status: 'complete',
    model: null,
    provider: null,
    prompt_tokens: null,
    completion_tokens: null,
    finish_reason: null,
    cached: false,
    created_at: createdAt,
    updated_at: createdAt,
  };
}
