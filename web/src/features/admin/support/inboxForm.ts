import { ApiError } from '../../../api/problem';
import type { Inbox, InboxWrite } from './api';
import { formToHours, type HoursForm, hoursToForm } from './businessHours';

/** The inbox form's values and their conversion to and from the API (pure, so they are tested). */
export interface InboxValues {
  name: string;
  agent_id?: string | null;
  greeting?: string;
  handoff_message?: string;
  handoff_keywords: string[];
  handoff_after_failures: number;
  hours: HoursForm;
  time_zone: string;
  identity_required: boolean;
  auto_assign: boolean;
  agent_capacity: number;
  allowed_origins: string[];
  member_ids: string[];
}

export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

export function valuesOf(inbox: Inbox | null): InboxValues {
  if (!inbox) {
    return {
      name: '',
      agent_id: null,
      greeting: '',
      handoff_message: '',
      handoff_keywords: [],
      handoff_after_failures: 2,
      hours: hoursToForm(null),
      time_zone: browserTimeZone(),
      identity_required: false,
      auto_assign: true,
      agent_capacity: 5,
      allowed_origins: [],
      member_ids: [],
    };
  }
  return {
    name: inbox.name,
    agent_id: inbox.agent_id,
    greeting: inbox.greeting ?? '',
    handoff_message: inbox.handoff_message ?? '',
    handoff_keywords: inbox.handoff_keywords ?? [],
    handoff_after_failures: inbox.handoff_after_failures,
    hours: hoursToForm(inbox.business_hours),
    time_zone: inbox.time_zone,
    identity_required: inbox.identity_required,
    auto_assign: inbox.auto_assign,
    agent_capacity: inbox.agent_capacity,
    allowed_origins: inbox.allowed_origins ?? [],
    member_ids: inbox.member_ids ?? [],
  };
}

const clean = (values: string[] | undefined) => [...new Set((values ?? []).map((value) => value.trim()).filter(Boolean))];

/** The body of the create (editing: null) or the change; what is emptied is cleared, as the API asks. */
export function bodyOf(values: InboxValues, editing: Inbox | null): InboxWrite {
  const hours = formToHours(values.hours);
  const body: InboxWrite = {
    name: values.name.trim(),
    greeting: values.greeting?.trim() ?? '',
    handoff_message: values.handoff_message?.trim() ?? '',
    handoff_keywords: clean(values.handoff_keywords),
    handoff_after_failures: values.handoff_after_failures,
    time_zone: values.time_zone,
    identity_required: values.identity_required,
    auto_assign: values.auto_assign,
    agent_capacity: values.agent_capacity,
    allowed_origins: clean(values.allowed_origins),
    member_ids: values.member_ids ?? [],
  };
  if (values.agent_id) body.agent_id = values.agent_id;
  else if (editing?.agent_id) body.clear_agent = true;
  if (hours) body.business_hours = hours;
  else if (editing?.business_hours) body.clear_business_hours = true;
  return body;
}

const FIELDS = [
  'name',
  'agent_id',
  'greeting',
  'handoff_message',
  'handoff_keywords',
  'handoff_after_failures',
  'time_zone',
  'identity_required',
  'auto_assign',
  'agent_capacity',
  'allowed_origins',
  'member_ids',
];

/** The server's field errors on the form's fields (business hours on the hours section); the rest as text. */
export function placeErrors(error: unknown): { fields: { name: (string | number)[]; errors: string[] }[]; rest: string[] } {
  const fields: { name: (string | number)[]; errors: string[] }[] = [];
  const rest: string[] = [];
  if (!(error instanceof ApiError)) return { fields, rest };
  for (const { field, message } of error.errors) {
    const base = /^[a-z_]+/.exec(field ?? '')?.[0];
    if (base && FIELDS.includes(base)) fields.push({ name: [base], errors: [message] });
    else if (base === 'business_hours') fields.push({ name: ['hours', 'always'], errors: [`${field}: ${message}`] });
    else rest.push(`${field}: ${message}`);
  }
  return { fields, rest };
}
