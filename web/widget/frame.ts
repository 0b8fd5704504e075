import { applyFrame, emptyStreamState, parseEventId, type StreamFrame, type StreamState } from '../src/features/chat/stream/events';
import { ApiError, type Conversation, type InboxConfig, type TimelineEntry, type Visitor, VisitorApi } from './api';
import { pickLocale } from './locale';
import { hostOrigin, type Identity, type ToHost, toFrame } from './protocol';
import type { SupportEvent } from './sse';
import { EventStream } from './stream';
import { format, stringsFor } from './strings';
import { type Item, itemOf, renderItem, shownText, who } from './view';

/**
 * The chat panel (`/widget/frame.html?inbox=&locale=&host=`), on Parley's origin inside the
 * customer's page. It keeps the visitor token per inbox in localStorage, so a returning visitor
 * sees their history, and follows the open conversation's events live.
 *
 * A visitor is created (or resumed) only when there is a reason: a stored token (a returning
 * visitor, whose replies may come while the panel is closed) or the panel being opened.
 */
const params = new URLSearchParams(location.search);
const inboxId = params.get('inbox') ?? '';
const host = window.parent !== window ? hostOrigin(params.get('host'), location.ancestorOrigins) : null;
const locale = pickLocale(params.get('locale'), navigator.languages);
const t = stringsFor(locale);
const storageKey = `parley.visitor.${inboxId}`;

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const panel = byId<HTMLElement>('panel');
const title = byId<HTMLHeadingElement>('title');
const presence = byId<HTMLParagraphElement>('presence');
const closeButton = byId<HTMLButtonElement>('close');
const banner = byId<HTMLParagraphElement>('banner');
const errorBox = byId<HTMLDivElement>('error');
const errorText = byId<HTMLSpanElement>('error-text');
const errorClose = byId<HTMLButtonElement>('error-close');
const scroller = byId<HTMLDivElement>('scroller');
const earlier = byId<HTMLButtonElement>('earlier');
const log = byId<HTMLOListElement>('log');
const typing = byId<HTMLParagraphElement>('typing');
const live = byId<HTMLDivElement>('live');
const notice = byId<HTMLParagraphElement>('notice');
const handoffButton = byId<HTMLButtonElement>('handoff');
const composer = byId<HTMLFormElement>('composer');
const input = byId<HTMLTextAreaElement>('input');
const sendButton = byId<HTMLButtonElement>('send');

const api = new VisitorApi();

let inbox: InboxConfig | null = null;
let visitor: Visitor | null = null;
let identity: Identity | null = null;
let conversation: Conversation | null = null;
let items: Item[] = [];
let cursor: string | null = null;
let replies: StreamState = emptyStreamState;
let stream: EventStream | null = null;
let open = host === null;
let unread = 0;
let starting: Promise<boolean> | null = null;
let unavailable = false;
let refusedUnverified = false;
let localIds = 0;

// ---- storage ---------------------------------------------------------------------------------

/**
 * The frame's own localStorage when the browser gives a third-party frame one; else the host
 * page keeps the token for it (first-party storage of the customer's site, see the loader).
 */
const frameStorage: Storage | null = (() => {
  try {
    const storage = window.localStorage;
    storage.getItem(storageKey);
    return storage;
  } catch {
    return null;
  }
})();

function readToken(): string | null {
  return frameStorage?.getItem(storageKey) ?? null;
}

function saveToken(token: string | null) {
  try {
    if (!frameStorage) toHost({ type: 'parley:token', token });
    else if (token) frameStorage.setItem(storageKey, token);
    else frameStorage.removeItem(storageKey);
  } catch {
    // storage full or revoked: the visitor lasts as long as the page
  }
}

// ---- talking to the host page ----------------------------------------------------------------

function toHost(message: ToHost) {
  if (host) window.parent.postMessage(message, host);
}

function noteUnread() {
  if (open) return;
  unread += 1;
  toHost({ type: 'parley:unread', count: unread });
}

window.addEventListener('message', (event) => {
  if (!host || event.origin !== host || event.source !== window.parent) return;
  const message = toFrame(event.data);
  if (!message) return;
  switch (message.type) {
    case 'parley:init':
      identity = message.identity;
      api.token ??= message.token;
      if (message.open) opened();
      else if (api.token) void start();
      break;
    case 'parley:open':
      opened();
      break;
    case 'parley:close':
      open = false;
      break;
    case 'parley:identity':
      identity = message.identity;
      void reidentify();
      break;
  }
});

function opened() {
  open = true;
  unread = 0;
  void start();
  (input.disabled ? closeButton : input).focus();
  scrollToEnd();
}

document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && host) toHost({ type: 'parley:close-request' });
});
closeButton.addEventListener('click', () => toHost({ type: 'parley:close-request' }));

// ---- rendering -------------------------------------------------------------------------------

const rendered = new Map<string, { item: Item; element: HTMLLIElement }>();
let flushQueued = false;
let stickToEnd = true;

function greetingItem(): Item | null {
  if (!inbox || cursor) return null;
  return { id: 'greeting', kind: 'message', role: 'assistant', text: inbox.greeting?.trim() || t.greeting, state: 'sent', at: '' };
}

/** Coalesces changes (a streaming reply's chunks come many a second) into one DOM update. */
function schedule() {
  if (flushQueued) return;
  flushQueued = true;
  stickToEnd ||= scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 60;
  if (document.visibilityState === 'visible') requestAnimationFrame(flush);
  setTimeout(flush, 100);
}

function flush() {
  if (!flushQueued) return;
  flushQueued = false;
  const greeting = greetingItem();
  const shown = greeting ? [greeting, ...items] : items;
  const keep = new Set<string>();
  shown.forEach((item, index) => {
    keep.add(item.id);
    let entry = rendered.get(item.id);
    if (!entry || entry.item !== item) {
      const element = renderItem(item, t);
      entry?.element.replaceWith(element);
      entry = { item, element };
      rendered.set(item.id, entry);
    }
    if (log.children[index] !== entry.element) log.insertBefore(entry.element, log.children[index] ?? null);
  });
  for (const [id, entry] of rendered) {
    if (!keep.has(id)) {
      entry.element.remove();
      rendered.delete(id);
    }
  }
  earlier.hidden = !cursor;
  if (stickToEnd) scrollToEnd();
  stickToEnd = false;
}

function scrollToEnd() {
  scroller.scrollTop = scroller.scrollHeight;
}

function upsert(item: Item) {
  const at = items.findIndex((each) => each.id === item.id);
  if (at >= 0) items = [...items.slice(0, at), item, ...items.slice(at + 1)];
  else items = [...items, item];
  schedule();
}

function announce(item: Item) {
  const text = item.kind === 'activity' ? item.text : format(t.said, { who: who(item.role, t), text: shownText(item) });
  if (!text.trim()) return;
  live.textContent = '';
  setTimeout(() => {
    live.textContent = text.length > 300 ? `${text.slice(0, 300)}…` : text;
  }, 50);
}

function showError(text: string) {
  errorText.textContent = text;
  errorBox.hidden = false;
}

function clearError() {
  errorBox.hidden = true;
}

function problemText(error: unknown): string {
  if (!(error instanceof ApiError)) return t.failed;
  if (error.status === 0) return t.network;
  if (error.status === 429) return error.retryAfter ? format(t.slowDown, { s: Math.max(1, Math.ceil(error.retryAfter)) }) : t.slowDownShort;
  if (error.slug === 'visitor-unverified') return t.unverified;
  if (error.slug === 'conversation-not-found') return t.gone;
  if (error.slug === 'visitor-identity-invalid') return t.identityInvalid;
  if (error.status === 409) return t.busy;
  return error.detail || error.title || t.failed;
}

function showProblem(error: unknown) {
  if (error instanceof ApiError && error.slug === 'visitor-unverified') {
    refusedUnverified = true;
    updateControls();
    return; // the notice above the input says it
  }
  showError(problemText(error));
}

function updateControls() {
  if (inbox) {
    title.textContent = inbox.name;
    document.title = inbox.name;
    presence.textContent = inbox.online ? t.online : t.away;
    presence.classList.toggle('online', inbox.online);
  }
  const unverified = refusedUnverified || (inbox?.identity_required === true && visitor !== null && !visitor.verified);
  const blocked = unavailable || unverified;
  input.disabled = blocked;
  sendButton.disabled = blocked;
  notice.hidden = !blocked;
  notice.textContent = unavailable ? t.unavailable : unverified ? t.unverified : '';
  handoffButton.hidden = blocked || !inbox || conversation?.handler === 'human';
}

// ---- the stream ------------------------------------------------------------------------------

function follow(id: string) {
  stream?.stop();
  replies = emptyStreamState;
  stream = new EventStream(
    api.eventsUrl(id),
    () => api.token,
    () => replies.lastEventId,
    () => {
      replies = { ...replies, lastEventId: null };
    },
    {
      onEvent: (event) => (event.kind === 'reply' ? onReply(event.frame) : (onSupport(event.event), true)),
      onOpen: (reconnect) => {
        if (reconnect) void reload();
      },
      onConnection: (connection) => {
        if (navigator.onLine === false) return;
        banner.hidden = connection !== 'waiting';
        banner.textContent = t.reconnecting;
      },
      onRefused: (status, slug) => {
        if (slug === 'conversation-not-found') {
          conversation = null;
          items = [];
          showError(t.gone);
          schedule();
          updateControls();
        } else if (status === 401) {
          starting = null; // a token the server no longer knows: start over at the next action
        }
      },
    },
  );
  stream.start();
}

function onReply(frame: StreamFrame): boolean {
  const { state, outcome } = applyFrame(replies, frame);
  replies = state;
  if (outcome.kind === 'gap') return false;
  const messageId = frame.event.type === 'start' ? frame.event.data.message_id : parseEventId(frame.id)?.messageId;
  const reply = messageId ? replies.replies[messageId] : undefined;
  if (!reply) return true;
  const prior = items.find((item) => item.id === reply.messageId);
  const ok = reply.status === 'complete' || reply.status === 'stopped';
  const item: Item = {
    id: reply.messageId,
    kind: 'message',
    role: 'assistant',
    text: reply.text,
    state: reply.done ? (ok ? 'sent' : 'interrupted') : 'streaming',
    at: prior?.at ?? new Date().toISOString(),
  };
  upsert(item);
  if (reply.done && prior?.state === 'streaming') {
    announce(item);
    if (shownText(item)) noteUnread();
  }
  return true;
}

function onSupport(event: SupportEvent) {
  const data = event.data;
  switch (event.type) {
    case 'message.created': {
      const entry = (data.entry ?? data) as TimelineEntry;
      if (!entry || typeof entry.id !== 'string') return;
      if (typeof data.conversation_id === 'string' && data.conversation_id !== conversation?.id) return;
      const item = itemOf(entry);
      const live = replies.replies[item.id];
      if (live && !live.done) return; // the stream is writing it
      const known = items.find((each) => each.id === item.id);
      if (item.role === 'user' && item.kind === 'message') {
        // Our own message, possibly before its POST answered: it replaces the pending copy.
        const pending = items.find((each) => each.state === 'pending' && each.text === item.text);
        if (pending) items = items.filter((each) => each !== pending);
      }
      upsert(item);
      if (!known && item.role !== 'user') {
        if (item.role === 'agent') typing.hidden = true;
        announce(item);
        if (item.kind === 'message') noteUnread();
      }
      return;
    }
    case 'conversation.status_changed': {
      if (conversation && (data.id === undefined || data.id === conversation.id)) {
        conversation = {
          ...conversation,
          status: typeof data.status === 'string' ? data.status : conversation.status,
          handler: data.handler === 'human' || data.handler === 'bot' ? data.handler : conversation.handler,
        };
        updateControls();
      }
      return;
    }
    case 'typing':
      if (data.actor === 'agent') showAgentTyping(data.typing === true);
      return;
    default:
      return;
  }
}

let agentTypingTimer: ReturnType<typeof setTimeout> | undefined;

function showAgentTyping(on: boolean) {
  clearTimeout(agentTypingTimer);
  typing.textContent = t.agentTyping;
  typing.hidden = !on;
  // A lost "stopped typing" must not leave the line up for ever.
  if (on) agentTypingTimer = setTimeout(() => (typing.hidden = true), 10_000);
  schedule();
}

// ---- the conversation ------------------------------------------------------------------------

/** Re-reads the newest page of the timeline, keeping what it cannot have yet. */
async function reload() {
  const current = conversation;
  if (!current) return;
  let page;
  try {
    page = await api.timeline(current.id);
  } catch (error) {
    if (error instanceof ApiError && error.status !== 0) showProblem(error);
    return;
  }
  if (conversation?.id !== current.id) return;
  cursor = page.next_cursor;
  const now = Date.now();
  const stored = page.items
    .slice()
    .reverse()
    .map((entry) => {
      const item = itemOf(entry);
      const reply = replies.replies[item.id];
      const known = items.find((each) => each.id === item.id);
      // The stream is ahead of the stored checkpoint of a running reply.
      if (reply && !reply.done && known) return known;
      return known && known.text === item.text && known.state === item.state ? known : item;
    });
  const storedIds = new Set(stored.map((item) => item.id));
  const pending = items.filter(
    (item) =>
      !storedIds.has(item.id) &&
      (item.state === 'pending' || (item.state === 'streaming' && (replies.replies[item.id] || now - Date.parse(item.at) < 30_000))),
  );
  items = [...stored, ...pending];
  schedule();
}

async function showEarlier() {
  const current = conversation;
  if (!current || !cursor) return;
  earlier.disabled = true;
  try {
    const page = await api.timeline(current.id, cursor);
    if (conversation?.id !== current.id) return;
    const have = new Set(items.map((item) => item.id));
    const older = page.items
      .slice()
      .reverse()
      .map(itemOf)
      .filter((item) => !have.has(item.id));
    const height = scroller.scrollHeight;
    items = [...older, ...items];
    cursor = page.next_cursor;
    flushQueued = true;
    flush();
    scroller.scrollTop += scroller.scrollHeight - height;
  } catch (error) {
    showProblem(error);
  } finally {
    earlier.disabled = false;
  }
}

async function openConversation(next: Conversation) {
  conversation = next;
  items = [];
  cursor = null;
  follow(next.id);
  updateControls();
  await reload();
}

async function identifyVisitor() {
  let withIdentity = identity;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const session = await api.visitor(inboxId, withIdentity);
      api.token = session.visitor_token;
      saveToken(session.visitor_token);
      visitor = session.visitor;
      inbox = session.inbox ?? inbox;
      refusedUnverified = false;
      updateControls();
      return;
    } catch (error) {
      if (!(error instanceof ApiError) || attempt === 2) throw error;
      if (error.slug === 'visitor-identity-invalid' && withIdentity) {
        showError(t.identityInvalid);
        withIdentity = null;
      } else if (api.token && (error.status === 401 || error.status === 403 || error.status === 404)) {
        // A token of a visitor the server no longer has: start as a new one.
        api.token = null;
        saveToken(null);
      } else {
        throw error;
      }
    }
  }
}

async function resume() {
  const page = await api.conversations();
  const latest = page.items
    .filter((each) => each.status !== 'resolved')
    .sort((a, b) => Date.parse(b.updated_at) - Date.parse(a.updated_at))[0];
  if (latest) {
    await openConversation(latest);
  } else {
    stream?.stop();
    stream = null;
    conversation = null;
    items = [];
    schedule();
    updateControls();
  }
}

/** The visitor and their latest open conversation, once; false (and said why) when that failed. */
function start(): Promise<boolean> {
  starting ??= (async () => {
    try {
      await inboxLoaded;
      if (!inbox && !unavailable) await loadInbox();
      if (unavailable || !inbox) return false;
      await identifyVisitor();
      await resume();
      return true;
    } catch (error) {
      showProblem(error);
      starting = null;
      return false;
    }
  })();
  return starting;
}

async function reidentify() {
  if (!starting || !(await starting)) return;
  const contact = visitor?.contact_id;
  try {
    await identifyVisitor();
    if (visitor?.contact_id !== contact) await resume();
  } catch (error) {
    showProblem(error);
  }
}

async function loadInbox() {
  try {
    inbox = await api.inbox(inboxId);
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
      unavailable = true;
      updateControls();
      return;
    }
    throw error;
  }
  panel.removeAttribute('aria-busy');
  updateControls();
  schedule();
}

async function send(text: string) {
  if (!text.trim()) return;
  clearError();
  const local: Item = { id: `local-${++localIds}`, kind: 'message', role: 'user', text, state: 'pending', at: new Date().toISOString() };
  stickToEnd = true;
  upsert(local);
  input.value = '';
  resize();
  stopTyping();
  const fail = (error: unknown) => {
    items = items.filter((item) => item.id !== local.id);
    schedule();
    if (!input.value) {
      input.value = text;
      resize();
    }
    showProblem(error);
  };
  if (!(await start())) {
    items = items.filter((item) => item.id !== local.id);
    if (!input.value) input.value = text;
    schedule();
    return;
  }
  try {
    if (!conversation) await openConversation(await api.createConversation());
    const sent = await api.send(conversation!.id, text);
    const stored: Item = { ...local, ...(sent.message?.id ? itemOf({ ...sent.message, role: 'user' }) : {}), text, state: 'sent' };
    const without = items.filter((item) => item.id !== local.id && item.id !== stored.id);
    const at = items.findIndex((item) => item.id === local.id);
    items = [...without.slice(0, at), stored, ...without.slice(at)];
    if (sent.reply_id && !items.some((item) => item.id === sent.reply_id)) {
      items = [...items, { id: sent.reply_id, kind: 'message', role: 'assistant', text: '', state: 'streaming', at: new Date().toISOString() }];
    }
    schedule();
  } catch (error) {
    fail(error);
  }
}

async function handoff() {
  handoffButton.disabled = true;
  clearError();
  try {
    if (!(await start())) return;
    if (!conversation) await openConversation(await api.createConversation());
    conversation = await api.handoff(conversation!.id);
    updateControls();
    input.focus();
    await reload();
  } catch (error) {
    showProblem(error);
  } finally {
    handoffButton.disabled = false;
  }
}

// ---- typing ----------------------------------------------------------------------------------

let typingSentAt = 0;
let typingTimer: ReturnType<typeof setTimeout> | undefined;

function typed() {
  resize();
  const current = conversation;
  if (!current || !input.value.trim()) return;
  const now = Date.now();
  if (now - typingSentAt > 8_000) {
    typingSentAt = now;
    api.typing(current.id, true).catch(() => {});
  }
  clearTimeout(typingTimer);
  typingTimer = setTimeout(stopTyping, 3_000);
}

function stopTyping() {
  clearTimeout(typingTimer);
  if (!typingSentAt || !conversation) return;
  typingSentAt = 0;
  api.typing(conversation.id, false).catch(() => {});
}

function resize() {
  input.style.height = 'auto';
  input.style.height = `${Math.min(input.scrollHeight + 2, 120)}px`;
}

// ---- wiring ----------------------------------------------------------------------------------

document.documentElement.lang = locale;
document.title = t.chat;
title.textContent = t.chat;
closeButton.setAttribute('aria-label', t.close);
closeButton.title = t.close;
closeButton.hidden = !host;
errorClose.textContent = t.dismiss;
errorClose.addEventListener('click', clearError);
earlier.textContent = t.earlier;
earlier.addEventListener('click', () => void showEarlier());
log.setAttribute('aria-label', t.conversation);
handoffButton.textContent = t.handoff;
handoffButton.addEventListener('click', () => void handoff());
byId<HTMLLabelElement>('input-label').textContent = t.inputLabel;
input.placeholder = t.placeholder;
sendButton.textContent = t.send;
input.addEventListener('input', typed);
input.addEventListener('blur', stopTyping);
input.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    composer.requestSubmit();
  }
});
composer.addEventListener('submit', (event) => {
  event.preventDefault();
  void send(input.value);
});

function connectivity() {
  const offline = navigator.onLine === false;
  banner.hidden = !offline;
  banner.textContent = offline ? t.offline : '';
}
window.addEventListener('offline', connectivity);
window.addEventListener('online', () => {
  connectivity();
  void reload();
});
connectivity();

api.token = readToken();
const inboxLoaded = loadInbox().catch((error) => showProblem(error));
if (host) toHost({ type: 'parley:ready' });
else void inboxLoaded.then(() => start());
