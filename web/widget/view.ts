import type { TimelineEntry } from './api';
import type { Strings } from './strings';
import { hideMarker, linkify } from './text';

/** One line of the panel's timeline, as shown. Items are replaced, never changed, when they change. */
export type Role = 'user' | 'assistant' | 'agent';

export interface Item {
  id: string;
  kind: 'message' | 'activity';
  role: Role;
  text: string;
  /** sent: stored; pending: on its way; streaming: the bot is writing; interrupted: ended early. */
  state: 'sent' | 'pending' | 'streaming' | 'interrupted';
  at: string;
}

export function itemOf(entry: TimelineEntry): Item {
  const interrupted = entry.status === 'interrupted' || entry.status === 'failed';
  return {
    id: entry.id,
    kind: entry.kind === 'activity' ? 'activity' : 'message',
    role: entry.role === 'user' || entry.role === 'agent' ? entry.role : 'assistant',
    text: entry.content ?? '',
    state: entry.status === 'streaming' ? 'streaming' : interrupted ? 'interrupted' : 'sent',
    at: entry.created_at ?? new Date().toISOString(),
  };
}

/** The item's text as shown: the bot's without its hand-off marker. */
export function shownText(item: Item): string {
  return item.role === 'assistant' && item.kind === 'message' ? hideMarker(item.text, item.state === 'streaming') : item.text;
}

/** Plain text and links as DOM nodes: server text never becomes HTML. */
export function fillText(target: HTMLElement, text: string) {
  target.replaceChildren();
  for (const segment of linkify(text)) {
    if (segment.href) {
      const link = document.createElement('a');
      link.href = segment.href;
      link.target = '_blank';
      link.rel = 'noopener noreferrer nofollow';
      link.textContent = segment.text;
      target.append(link);
    } else {
      target.append(document.createTextNode(segment.text));
    }
  }
}

function paragraph(className: string, text: string): HTMLParagraphElement {
  const element = document.createElement('p');
  element.className = className;
  element.textContent = text;
  return element;
}

export function who(role: Role, t: Strings): string {
  return role === 'user' ? t.you : role === 'agent' ? t.agent : t.bot;
}

export function renderItem(item: Item, t: Strings): HTMLLIElement {
  const element = document.createElement('li');
  element.dataset.id = item.id;
  element.dataset.role = item.kind === 'activity' ? 'activity' : item.role;
  element.dataset.state = item.state;
  if (item.kind === 'activity') {
    element.className = 'activity';
    element.textContent = item.text;
    return element;
  }
  element.className = `msg ${item.role} ${item.state}`;
  const text = shownText(item);
  const bubble = document.createElement('div');
  bubble.className = 'bubble';
  if (item.state === 'streaming' && !text) {
    const dots = document.createElement('span');
    dots.className = 'dots';
    dots.setAttribute('role', 'img');
    dots.setAttribute('aria-label', t.botWriting);
    dots.append(document.createElement('i'), document.createElement('i'), document.createElement('i'));
    bubble.append(dots);
  } else {
    fillText(bubble, text);
  }
  element.append(paragraph('who', who(item.role, t)), bubble);
  if (item.state === 'pending') element.append(paragraph('state', t.sending));
  if (item.state === 'interrupted') element.append(paragraph('state', t.interrupted));
  // A bot reply that was nothing but the hand-off marker shows nothing.
  element.hidden = !text && item.state === 'sent';
  return element;
}
