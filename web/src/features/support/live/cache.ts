import type { QueryClient } from '@tanstack/react-query';
import type { Counts, CountsFilter, ListFilter, SupportConversation, TimelineEntry } from '../api';
import { type ListData, supportKeys, type TimelineData } from '../queries';
import { type SupportEvent } from './events';

/**
 * Applying a support event to the cached lists, counts and timelines, so the inbox follows what
 * happens without reading everything again. The functions on data are pure (and tested); the last
 * one finds the caches a change concerns and writes them.
 */

/** Whether a conversation matches the filters other than the tab (inbox, team, label, priority; status unless told not to). */
function matchesFilters(conversation: SupportConversation, filter: CountsFilter, withStatus = true): boolean {
  if (withStatus && filter.status && filter.status !== 'all' && conversation.status !== filter.status) return false;
  if (filter.inbox_id && conversation.inbox_id !== filter.inbox_id) return false;
  if (filter.team_id && conversation.team?.id !== filter.team_id) return false;
  if (filter.priority && conversation.priority !== filter.priority) return false;
  if (filter.label && !conversation.labels.includes(filter.label)) return false;
  return true;
}

/** Whether a conversation belongs in the list of these filters, for the agent `me`. */
export function belongsTo(conversation: SupportConversation, filter: ListFilter, me: string | undefined): boolean {
  return matchesFilters(conversation, filter) && inTab(conversation, filter.assignee, me);
}

const ZERO: Counts = { mine: 0, unassigned: 0, all: 0, by_status: { open: 0, pending: 0, resolved: 0, snoozed: 0 } };

function inTab(conversation: SupportConversation, tab: ListFilter['assignee'], me: string | undefined): boolean {
  if (tab === 'mine') return !!me && conversation.assignee?.id === me;
  if (tab === 'unassigned') return !conversation.assignee;
  return true;
}

/**
 * What one conversation adds to the counts of these filters: the tabs' under the status filter,
 * and by status (whatever the status filter) the ones of the filter's tab.
 */
export function contribution(conversation: SupportConversation | undefined, filter: CountsFilter, me: string | undefined): Counts {
  if (!conversation) return ZERO;
  const counted = matchesFilters(conversation, filter);
  return {
    mine: counted && inTab(conversation, 'mine', me) ? 1 : 0,
    unassigned: counted && inTab(conversation, 'unassigned', me) ? 1 : 0,
    all: counted ? 1 : 0,
    by_status: {
      ...ZERO.by_status,
      [conversation.status]: matchesFilters(conversation, filter, false) && inTab(conversation, filter.assignee ?? 'all', me) ? 1 : 0,
    },
  };
}

/** The counts after a conversation changed from `before` (undefined: it is new) to `after`. */
export function nextCounts(
  counts: Counts,
  before: SupportConversation | undefined,
  after: SupportConversation,
  filter: CountsFilter,
  me: string | undefined,
): Counts {
  const minus = contribution(before, filter, me);
  const plus = contribution(after, filter, me);
  const add = (value: number, key: keyof Omit<Counts, 'by_status'>) => Math.max(0, value - minus[key] + plus[key]);
  const byStatus = { ...counts.by_status };
  for (const status of Object.keys(ZERO.by_status) as (keyof Counts['by_status'])[]) {
    byStatus[status] = Math.max(0, (counts.by_status?.[status] ?? 0) - minus.by_status[status] + plus.by_status[status]);
  }
  return { mine: add(counts.mine, 'mine'), unassigned: add(counts.unassigned, 'unassigned'), all: add(counts.all, 'all'), by_status: byStatus };
}

/** Newest activity first, as the server sorts (ties by id, descending). */
function newer(a: SupportConversation, b: SupportConversation): boolean {
  if (a.updated_at !== b.updated_at) return a.updated_at > b.updated_at;
  return a.id > b.id;
}

/**
 * The list with the conversation in its place: removed where it was, and, when it belongs,
 * inserted where its activity puts it. A conversation that sorts after the last loaded row of a
 * list with more pages is left for the paging to bring.
 */
export function placeInList(data: ListData, conversation: SupportConversation, belongs: boolean): ListData {
  const pages = data.pages.map((page) => ({ ...page, items: page.items.filter((item) => item.id !== conversation.id) }));
  if (belongs) {
    let placed = false;
    for (const page of pages) {
      const at = page.items.findIndex((item) => newer(conversation, item));
      if (at >= 0) {
        page.items = [...page.items.slice(0, at), conversation, ...page.items.slice(at)];
        placed = true;
        break;
      }
    }
    const last = pages.at(-1);
    if (!placed && last && !last.next_cursor) last.items = [...last.items, conversation];
    if (!placed && pages.length === 0) pages.push({ items: [conversation], next_cursor: null });
  }
  return { ...data, pages };
}

/** The timeline (pages newest first) with the entry added on top, or replaced where it is. */
export function withEntry(data: TimelineData, entry: TimelineEntry): TimelineData {
  let found = false;
  const pages = data.pages.map((page) => {
    if (!page.items.some((item) => item.id === entry.id)) return page;
    found = true;
    return { ...page, items: page.items.map((item) => (item.id === entry.id ? { ...item, ...entry } : item)) };
  });
  if (found) return { ...data, pages };
  if (pages.length === 0) return { ...data, pages: [{ items: [entry], next_cursor: null }], pageParams: [undefined] };
  const [first, ...rest] = pages;
  return { ...data, pages: [{ ...first, items: [entry, ...first.items] }, ...rest] };
}

/** The conversation as a new message leaves it: its last message and its activity time. */
export function touched(conversation: SupportConversation, entry: TimelineEntry): SupportConversation {
  if (entry.kind !== 'message') return conversation;
  const newerEntry = !conversation.last_message || entry.created_at >= conversation.last_message.created_at;
  if (!newerEntry) return conversation;
  return {
    ...conversation,
    last_message: { role: entry.role ?? 'user', content: entry.content, created_at: entry.created_at },
    updated_at: entry.created_at > conversation.updated_at ? entry.created_at : conversation.updated_at,
  };
}

/** The cached copy of a conversation, from its own query or any list. */
export function knownConversation(client: QueryClient, id: string): SupportConversation | undefined {
  const own = client.getQueryData<SupportConversation>(supportKeys.conversation(id));
  if (own) return own;
  for (const [, data] of client.getQueriesData<ListData>({ queryKey: supportKeys.lists })) {
    const found = data?.pages.flatMap((page) => page.items).find((item) => item.id === id);
    if (found) return found;
  }
  return undefined;
}

/** Writes a conversation's new state into every list, count and its own query. */
export function storeConversation(
  client: QueryClient,
  before: SupportConversation | undefined,
  after: SupportConversation,
  me: string | undefined,
  isNew = false,
) {
  client.setQueryData(supportKeys.conversation(after.id), after);
  for (const query of client.getQueryCache().findAll({ queryKey: supportKeys.lists })) {
    const filter = query.queryKey[2] as ListFilter | undefined;
    const data = query.state.data as ListData | undefined;
    if (!filter || !data) continue;
    client.setQueryData<ListData>(query.queryKey, placeInList(data, after, belongsTo(after, filter, me)));
  }
  for (const query of client.getQueryCache().findAll({ queryKey: supportKeys.countsAll })) {
    const filter = query.queryKey[2] as CountsFilter | undefined;
    const counts = query.state.data as Counts | undefined;
    if (!filter || !counts) continue;
    if (!before && !isNew) void client.invalidateQueries({ queryKey: query.queryKey, exact: true });
    else client.setQueryData<Counts>(query.queryKey, nextCounts(counts, before, after, filter, me));
  }
  // The contact's other conversations show its status.
  const contactList = client.getQueryData<SupportConversation[]>(supportKeys.contactConversations(after.contact.id));
  if (contactList) {
    client.setQueryData(
      supportKeys.contactConversations(after.contact.id),
      contactList.map((item) => (item.id === after.id ? after : item)),
    );
  }
}

/**
 * A conversation's new state, from an answer or an event, against what the caches hold now (an
 * answer and the socket's event for the same change come in either order): an older state than
 * the one held changes nothing, and the counts move by the difference only once.
 */
export function receiveConversation(client: QueryClient, after: SupportConversation, me: string | undefined, isNew = false) {
  const before = knownConversation(client, after.id);
  if (before && before.updated_at > after.updated_at) return;
  storeConversation(client, before, after, me, isNew && !before);
}

/** Applies one support event to the caches (typing and notifications are handled elsewhere). */
export function applySupportEvent(client: QueryClient, event: SupportEvent, me: string | undefined) {
  switch (event.type) {
    case 'conversation.created':
    case 'conversation.status_changed':
    case 'conversation.updated':
    case 'assignee.changed':
    case 'conversation.bot_handoff': {
      receiveConversation(client, event.data.conversation, me, event.type === 'conversation.created');
      return;
    }
    case 'message.created':
    case 'message.updated': {
      const { conversation_id: id, entry } = event.data;
      const timeline = client.getQueryData<TimelineData>(supportKeys.timeline(id));
      if (timeline) client.setQueryData<TimelineData>(supportKeys.timeline(id), withEntry(timeline, entry));
      const before = knownConversation(client, id);
      const base = event.data.conversation ?? before;
      if (!base) {
        // A conversation this page has not loaded: its lists read it again.
        void client.invalidateQueries({ queryKey: supportKeys.lists });
        return;
      }
      storeConversation(client, before, touched(base, entry), me);
      return;
    }
    default:
      return;
  }
}
