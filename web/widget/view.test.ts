import { describe, expect, it } from 'vitest';
import { stringsFor } from './strings';
import { itemOf, type Item, renderItem } from './view';

const t = stringsFor('en');

function item(patch: Partial<Item>): Item {
  return { id: 'i1', kind: 'message', role: 'assistant', text: '', state: 'sent', at: '2026-01-01T00:00:00Z', ...patch };
}

describe('renderItem', () => {
  it('shows server text as text, never as HTML, with safe links', () => {
    const element = renderItem(item({ text: '<img src=x onerror="alert(1)"> see https://example.com/a.\nnext line' }), t);
    expect(element.querySelector('img')).toBeNull();
    const bubble = element.querySelector('.bubble')!;
    expect(bubble.textContent).toBe('<img src=x onerror="alert(1)"> see https://example.com/a.\nnext line');
    const link = bubble.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://example.com/a');
    expect(link.rel).toContain('noopener');
    expect(link.target).toBe('_blank');
  });

  it("tells the customer's, the bot's and a person's messages apart", () => {
    expect(renderItem(item({ role: 'user', text: 'hi' }), t).className).toContain('user');
    expect(renderItem(item({ role: 'agent', text: 'hello' }), t).querySelector('.who')?.textContent).toBe('Support agent');
    expect(renderItem(item({ role: 'assistant', text: 'hello' }), t).querySelector('.who')?.textContent).toBe('Bot');
    const activity = renderItem(item({ kind: 'activity', text: 'You are now talking to a person' }), t);
    expect(activity.className).toBe('activity');
    expect(activity.textContent).toBe('You are now talking to a person');
  });

  it("hides the bot's hand-off marker, and a reply that was only the marker", () => {
    expect(renderItem(item({ text: 'A colleague will help. [[handoff]]' }), t).querySelector('.bubble')?.textContent).toBe(
      'A colleague will help.',
    );
    expect(renderItem(item({ text: '[[handoff]]' }), t).hidden).toBe(true);
    expect(renderItem(item({ text: 'Wait [[hand', state: 'streaming' }), t).querySelector('.bubble')?.textContent).toBe('Wait');
  });

  it('shows a reply that has not begun as a named writing indicator', () => {
    const element = renderItem(item({ state: 'streaming' }), t);
    expect(element.querySelector('.dots')?.getAttribute('aria-label')).toBe('The bot is writing…');
    expect(element.hidden).toBe(false);
  });
});

describe('itemOf', () => {
  it('maps timeline entries', () => {
    expect(itemOf({ id: 'a', kind: 'message', role: 'agent', content: 'x', created_at: 't' }).role).toBe('agent');
    expect(itemOf({ id: 'b', kind: 'message', role: 'assistant', content: 'x', status: 'interrupted', created_at: 't' }).state).toBe(
      'interrupted',
    );
    expect(itemOf({ id: 'c', kind: 'activity', event: 'handoff', content: 'Now a person', created_at: 't' }).kind).toBe('activity');
  });
});
