import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { supportConversation as conversation, timelineEntry as entry } from '../test/fixtures';
import type { Counts, ListFilter } from '../api';
import { type ListData, supportKeys, type TimelineData } from '../queries';
import { applySupportEvent, belongsTo, nextCounts, placeInList, receiveConversation, touched, withEntry } from './cache';
import { supportEventOf } from './events';

const ME = 'agent-me';
const mine = { id: ME, name: 'Me' };
const open: ListFilter = { assignee: 'all', status: 'open' };

function list(ids: string[], times: string[], nextCursor: string | null = null): ListData {
  return {
    pages: [{ items: ids.map((id, i) => conversation(id, { updated_at: times[i] })), next_cursor: nextCursor }],
    pageParams: [undefined],
  };
}

const ids = (data: ListData) => data.pages.flatMap((page) => page.items.map((item) => item.id));

describe('which list a conversation belongs to', () => {
  it('follows the tab, the status and the other filters', () => {
    const unassigned = conversation('a');
    const assigned = conversation('b', { assignee: mine, labels: ['billing'], priority: 'high', team: { id: 't1', name: 'Sales' } });
    expect(belongsTo(unassigned, { assignee: 'unassigned', status: 'open' }, ME)).toBe(true);
    expect(belongsTo(assigned, { assignee: 'unassigned', status: 'open' }, ME)).toBe(false);
    expect(belongsTo(assigned, { assignee: 'mine', status: 'open' }, ME)).toBe(true);
    expect(belongsTo(assigned, { assignee: 'mine', status: 'open' }, 'someone-else')).toBe(false);
    expect(belongsTo(assigned, { assignee: 'all', status: 'resolved' }, ME)).toBe(false);
    expect(belongsTo(assigned, { assignee: 'all', status: 'all' }, ME)).toBe(true);
    expect(belongsTo(assigned, { ...open, label: 'billing', priority: 'high', team_id: 't1', inbox_id: 'inbox-1' }, ME)).toBe(true);
    expect(belongsTo(assigned, { ...open, label: 'refund' }, ME)).toBe(false);
    expect(belongsTo(assigned, { ...open, team_id: 't2' }, ME)).toBe(false);
    expect(belongsTo(assigned, { ...open, inbox_id: 'inbox-2' }, ME)).toBe(false);
  });
});

describe('the counts after a change', () => {
  const counts: Counts = { mine: 1, unassigned: 2, all: 3, by_status: { open: 1, pending: 0, resolved: 4, snoozed: 0 } };

  it('moves a conversation from unassigned to mine when I take it', () => {
    const before = conversation('a');
    const after = conversation('a', { assignee: mine, handler: 'human' });
    expect(nextCounts(counts, before, after, { assignee: 'mine', status: 'open' }, ME)).toEqual({
      mine: 2,
      unassigned: 1,
      all: 3,
      by_status: { open: 2, pending: 0, resolved: 4, snoozed: 0 },
    });
  });

  it('counts a new conversation, and one resolved leaves the open counts', () => {
    expect(nextCounts(counts, undefined, conversation('n'), { assignee: 'mine', status: 'open' }, ME)).toMatchObject({ unassigned: 3, all: 4, mine: 1 });
    const before = conversation('a', { assignee: mine });
    const after = conversation('a', { assignee: mine, status: 'resolved' });
    expect(nextCounts(counts, before, after, { assignee: 'mine', status: 'open' }, ME)).toEqual({
      mine: 0,
      unassigned: 2,
      all: 2,
      by_status: { open: 0, pending: 0, resolved: 5, snoozed: 0 },
    });
  });

  it('counts by status the conversations of the filter\'s tab, whatever the status filter', () => {
    const before = conversation('a', { status: 'pending' });
    const after = conversation('a', { status: 'open', assignee: mine, handler: 'human' });
    const unassignedTab = nextCounts(counts, before, after, { assignee: 'unassigned', status: 'pending' }, ME);
    expect(unassignedTab.by_status).toEqual({ open: 1, pending: 0, resolved: 4, snoozed: 0 });
    expect(unassignedTab).toMatchObject({ mine: 1, unassigned: 1, all: 2 }); // it left the pending conversations
    const allTab = nextCounts(counts, before, after, { assignee: 'all', status: 'pending' }, ME);
    expect(allTab.by_status).toEqual({ open: 2, pending: 0, resolved: 4, snoozed: 0 });
  });

  it('leaves the counts of other filters alone and never goes below zero', () => {
    const before = conversation('a', { inbox_id: 'other' });
    const after = conversation('a', { inbox_id: 'other', assignee: mine });
    expect(nextCounts(counts, before, after, { assignee: 'mine', status: 'open', inbox_id: 'inbox-1' }, ME)).toEqual(counts);
    const empty: Counts = { mine: 0, unassigned: 0, all: 0, by_status: { open: 0, pending: 0, resolved: 0, snoozed: 0 } };
    expect(nextCounts(empty, conversation('a'), conversation('a', { status: 'resolved' }), { assignee: 'mine', status: 'open' }, ME).all).toBe(0);
  });
});

describe('placing a conversation in a list', () => {
  const data = list(['c', 'b', 'a'], ['2026-12-03T10:03:00Z', '2026-12-03T10:02:00Z', '2026-12-03T10:01:00Z']);

  it('moves a conversation with new activity to the top and removes one that no longer belongs', () => {
    expect(ids(placeInList(data, conversation('a', { updated_at: '2026-12-03T10:05:00Z' }), true))).toEqual(['a', 'c', 'b']);
    expect(ids(placeInList(data, conversation('b', { updated_at: '2026-12-03T10:02:00Z' }), false))).toEqual(['c', 'a']);
    expect(ids(placeInList(data, conversation('d', { updated_at: '2026-12-03T10:02:30Z' }), true))).toEqual(['c', 'd', 'b', 'a']);
  });

  it('replaces a changed row in place and leaves an older one for the next page', () => {
    const changed = placeInList(data, conversation('b', { updated_at: '2026-12-03T10:02:00Z', priority: 'urgent' }), true);
    expect(ids(changed)).toEqual(['c', 'b', 'a']);
    expect(changed.pages[0].items[1].priority).toBe('urgent');
    const paged = list(['c', 'b'], ['2026-12-03T10:03:00Z', '2026-12-03T10:02:00Z'], 'next');
    expect(ids(placeInList(paged, conversation('old', { updated_at: '2026-12-01T00:00:00Z' }), true))).toEqual(['c', 'b']);
    const complete = list(['c'], ['2026-12-03T10:03:00Z']);
    expect(ids(placeInList(complete, conversation('old', { updated_at: '2026-12-01T00:00:00Z' }), true))).toEqual(['c', 'old']);
  });
});

describe('timeline entries', () => {
  const timeline: TimelineData = { pages: [{ items: [entry('2'), entry('1')], next_cursor: null }], pageParams: [undefined] };

  it('adds a new entry on top (the pages are newest first) once, and updates one it has', () => {
    const added = withEntry(timeline, entry('3'));
    expect(added.pages[0].items.map((item) => item.id)).toEqual(['3', '2', '1']);
    expect(withEntry(added, entry('3')).pages[0].items).toHaveLength(3);
    const updated = withEntry(added, entry('2', { content: 'edited' }));
    expect(updated.pages[0].items.map((item) => item.content)).toEqual(['3', 'edited', '1']);
  });

  it('gives the conversation its last message and activity time, but notes and activity leave them', () => {
    const before = conversation('a');
    const after = touched(before, entry('m', { role: 'user', content: 'Hello?', created_at: '2026-12-03T11:00:00Z' }));
    expect(after.last_message).toEqual({ role: 'user', content: 'Hello?', created_at: '2026-12-03T11:00:00Z' });
    expect(after.updated_at).toBe('2026-12-03T11:00:00Z');
    expect(touched(before, entry('n', { kind: 'note', created_at: '2026-12-03T11:00:00Z' }))).toBe(before);
  });
});

describe('applying socket events to the caches', () => {
  function seeded() {
    const client = new QueryClient();
    const unassigned: ListFilter = { assignee: 'unassigned', status: 'open' };
    const mineFilter: ListFilter = { assignee: 'mine', status: 'open' };
    client.setQueryData(supportKeys.list(unassigned), list(['a'], ['2026-12-03T10:01:00Z']));
    client.setQueryData(supportKeys.list(mineFilter), list([], []));
    client.setQueryData<Counts>(supportKeys.counts(unassigned), {
      mine: 0,
      unassigned: 1,
      all: 1,
      by_status: { open: 0, pending: 0, resolved: 0, snoozed: 0 },
    });
    client.setQueryData<TimelineData>(supportKeys.timeline('a'), { pages: [{ items: [entry('m1')], next_cursor: null }], pageParams: [undefined] });
    return { client, unassigned, mineFilter };
  }
  const frame = (type: string, data: unknown) => supportEventOf({ type, data })!;

  it('shows a new conversation at the top of Unassigned and counts it', () => {
    const { client, unassigned } = seeded();
    applySupportEvent(client, frame('conversation.created', { conversation: conversation('b', { updated_at: '2026-12-03T10:05:00Z' }) }), ME);
    expect(ids(client.getQueryData<ListData>(supportKeys.list(unassigned))!)).toEqual(['b', 'a']);
    expect(client.getQueryData<Counts>(supportKeys.counts(unassigned))).toMatchObject({ unassigned: 2, all: 2 });
  });

  it('moves a conversation assigned to me from Unassigned to Mine', () => {
    const { client, unassigned, mineFilter } = seeded();
    const taken = conversation('a', { assignee: mine, handler: 'human', updated_at: '2026-12-03T10:06:00Z' });
    applySupportEvent(client, frame('assignee.changed', { conversation: taken }), ME);
    expect(ids(client.getQueryData<ListData>(supportKeys.list(unassigned))!)).toEqual([]);
    expect(ids(client.getQueryData<ListData>(supportKeys.list(mineFilter))!)).toEqual(['a']);
    expect(client.getQueryData<Counts>(supportKeys.counts(unassigned))).toMatchObject({ mine: 1, unassigned: 0, all: 1 });
    expect(client.getQueryData(supportKeys.conversation('a'))).toEqual(taken);
  });

  it('appends a message to the open timeline and the list row, and ignores a stale event', () => {
    const { client, unassigned } = seeded();
    const message = entry('m2', { content: 'Where is my parcel?', created_at: '2026-12-03T10:07:00Z' });
    applySupportEvent(client, frame('message.created', { conversation_id: 'a', entry: message }), ME);
    expect(client.getQueryData<TimelineData>(supportKeys.timeline('a'))!.pages[0].items.map((item) => item.id)).toEqual(['m2', 'm1']);
    const row = client.getQueryData<ListData>(supportKeys.list(unassigned))!.pages[0].items[0];
    expect(row.last_message?.content).toBe('Where is my parcel?');
    // An older state of the conversation (an event overtaken by our own answer) changes nothing.
    applySupportEvent(client, frame('conversation.updated', { conversation: conversation('a', { priority: 'low', updated_at: '2026-12-03T09:00:00Z' }) }), ME);
    expect(client.getQueryData<ListData>(supportKeys.list(unassigned))!.pages[0].items[0].priority).toBe('medium');
  });

  it('counts a change once, whether the socket or the answer to the request brings it first', () => {
    const { client, unassigned } = seeded();
    const taken = conversation('a', { assignee: mine, handler: 'human', updated_at: '2026-12-03T10:06:00Z' });
    applySupportEvent(client, frame('conversation.bot_handoff', { conversation: taken }), ME);
    receiveConversation(client, taken, ME);
    applySupportEvent(client, frame('assignee.changed', { conversation: taken }), ME);
    expect(client.getQueryData<Counts>(supportKeys.counts(unassigned))).toMatchObject({ mine: 1, unassigned: 0, all: 1 });
  });

  it('reads the counts again when it cannot know what a change did to them', () => {
    const { client, unassigned } = seeded();
    applySupportEvent(client, frame('conversation.status_changed', { conversation: conversation('zz', { status: 'resolved' }) }), ME);
    expect(client.getQueryState(supportKeys.counts(unassigned))?.isInvalidated).toBe(true);
  });

  it('reads only frames that are support events', () => {
    expect(supportEventOf({ type: 'subscribed', data: { topic: 'support' } })).toBeNull();
    expect(supportEventOf({ type: 'conversation.created', data: {} })).toBeNull();
    expect(supportEventOf({ type: 'message.created', data: { conversation_id: 'a' } })).toBeNull();
    expect(supportEventOf({ type: 'typing', data: { conversation_id: 'a', actor: 'customer', typing: true } })?.type).toBe('typing');
  });
});
