import type { Agent, PresetMessage, Role, RouteTarget } from '../../api/types';
import type { AgentBody } from './api';

/** The editor's values: every text a string, every list an array (antd Form.List). */
export interface AgentFormValues {
  name: string;
  description: string;
  avatar_url: string;
  system_prompt: string;
  preset_messages: PresetMessage[];
  greetings: string[];
  suggested_questions: string[];
  params: { temperature: number | null; top_p: number | null; max_tokens: number | null; stop: string[] };
  visibility: Agent['visibility'];
  visible_roles: Role[];
  cache_enabled: boolean;
  route: RouteTarget[];
}

/** The limits of docs/API.md "Agents", checked before anything is sent. */
export const LIMITS = {
  name: 100,
  description: 1000,
  avatarUrl: 500,
  systemPrompt: 32000,
  presetMessages: 50,
  presetContent: 32000,
  greetings: 10,
  greeting: 2000,
  questions: 10,
  question: 500,
  route: 10,
  model: 200,
  weight: 1000,
  stop: 4,
  stopChars: 200,
  maxTokens: 1_000_000,
} as const;

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const HTTP_URL = /^https?:\/\/[^\s/$.?#]\S*$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value.trim());
}

export function isHttpUrl(value: string): boolean {
  return HTTP_URL.test(value);
}

export function emptyValues(): AgentFormValues {
  return {
    name: '',
    description: '',
    avatar_url: '',
    system_prompt: '',
    preset_messages: [],
    greetings: [],
    suggested_questions: [],
    params: { temperature: null, top_p: null, max_tokens: null, stop: [] },
    visibility: 'private',
    visible_roles: [],
    cache_enabled: false,
    route: [],
  };
}

export function valuesOf(agent: Agent): AgentFormValues {
  return {
    name: agent.name,
    description: agent.description ?? '',
    avatar_url: agent.avatar_url ?? '',
    system_prompt: agent.system_prompt ?? '',
    preset_messages: agent.preset_messages.map((message) => ({ ...message })),
    greetings: [...agent.greetings],
    suggested_questions: [...agent.suggested_questions],
    params: {
      temperature: agent.params.temperature ?? null,
      top_p: agent.params.top_p ?? null,
      max_tokens: agent.params.max_tokens ?? null,
      stop: [...(agent.params.stop ?? [])],
    },
    visibility: agent.visibility,
    visible_roles: [...agent.visible_roles],
    cache_enabled: agent.cache_enabled,
    route: agent.route.map((target) => ({ ...target })),
  };
}

const orNull = (value: number | null | undefined) => (value === undefined || value === null ? null : value);

/**
 * The body to send. Texts are sent even when empty (`""` clears them on an update), the
 * parameters as a whole (the server replaces them together). Only an administrator sends
 * visibility, roles, the cache switch and the route: the server refuses them from anyone else.
 */
export function bodyOf(values: AgentFormValues, admin: boolean): AgentBody {
  const stop = (values.params.stop ?? []).filter((word) => word.length > 0);
  const body: AgentBody = {
    name: values.name.trim(),
    description: values.description ?? '',
    avatar_url: (values.avatar_url ?? '').trim(),
    system_prompt: values.system_prompt ?? '',
    preset_messages: (values.preset_messages ?? []).map(({ role, content }) => ({ role, content })),
    greetings: values.greetings ?? [],
    suggested_questions: values.suggested_questions ?? [],
    params: {
      temperature: orNull(values.params.temperature),
      top_p: orNull(values.params.top_p),
      max_tokens: orNull(values.params.max_tokens),
      stop: stop.length > 0 ? stop : null,
    },
  };
  if (admin) {
    body.visibility = values.visibility;
    body.visible_roles = values.visibility === 'roles' ? values.visible_roles ?? [] : [];
    body.cache_enabled = values.cache_enabled ?? false;
    body.route = (values.route ?? []).map(({ provider_id, model, weight }) => ({
      provider_id,
      model: model.trim(),
      weight: weight ?? 0,
    }));
  }
  return body;
}
