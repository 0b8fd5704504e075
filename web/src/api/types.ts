/** The shapes Parley's API answers (docs/API.md), shared by every feature. */
export type Role = 'admin' | 'agent' | 'user';

export interface User {
  id: string;
  email: string;
  display_name: string | null;
  role: Role;
  status: 'active' | 'disabled';
  password_change_required: boolean;
  created_at: string;
  last_login_at: string | null;
}

export interface TokenPair {
  access_token: string;
  refresh_token: string;
  token_type: 'Bearer';
  expires_in: number;
  refresh_expires_in: number;
  user: User;
}

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export interface PresetMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface Conversation {
  id: string;
  title: string | null;
  agent_id: string | null;
  system_prompt: string | null;
  preset_messages: PresetMessage[];
  greetings: string[];
  suggested_questions: string[];
  context_start: string | null;
  pinned: boolean;
  archived: boolean;
  status: 'active' | 'idle' | 'expired';
  last_active_at: string | null;
  created_at: string;
  updated_at: string;
  tags?: { id: string; name: string; color: string | null }[];
}

export type MessageStatus = 'complete' | 'streaming' | 'stopped' | 'interrupted' | 'failed';

export interface Message {
  id: string;
  conversation_id: string;
  parent_id: string | null;
  role: 'system' | 'user' | 'assistant' | 'agent' | 'tool';
  content: string;
  status: MessageStatus;
  model: string | null;
  provider: string | null;
  prompt_tokens: number | null;
  completion_tokens: number | null;
  finish_reason: string | null;
  cached: boolean;
  created_at: string;
  updated_at: string;
}

export interface RouteTarget {
  provider_id: string;
  model: string;
  weight: number;
}

export interface Agent {
  id: string;
  owner_id: string | null;
  name: string;
  description: string | null;
  avatar_url: string | null;
  route: RouteTarget[];
  params: { temperature?: number | null; top_p?: number | null; max_tokens?: number | null; stop?: string[] | null };
  system_prompt: string | null;
  preset_messages: PresetMessage[];
  greetings: string[];
  suggested_questions: string[];
  visibility: 'public' | 'roles' | 'private';
  visible_roles: Role[];
  cache_enabled: boolean;
  is_default: boolean;
  created_at: string;
  updated_at: string;
}

export interface SavedContext {
  id: string;
  name: string;
  system_prompt: string;
  is_default: boolean;
  created_at: string;
  updated_at: string;
}
