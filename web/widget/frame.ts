import { applyFrame, emptyStreamState, parseEventId, type StreamFrame, type StreamState } from '../src/features/chat/stream/events';
import { ApiError, type Conversation, type InboxConfig, type TimelineEntry, type Visitor, VisitorApi } from './api';
import { pickLocale } from './locale';
import { announce, clearError, label, resizeInput, showAgentTyping, showBanner, showError, ui } from './panel';
import { problemText } from './problems';
import { hostOrigin, type Identity, type ToHost, toFrame } from './protocol';
import type { SupportEvent } from './sse';
import { EventStream } from './stream';
import { format, stringsFor } from './strings';
import { merge, Timeline } from './timeline';
import { CustomerTyping } from './typing';
import { type Item, itemOf, shownText, who } from './view';

/**
 * The chat panel (`/widget/frame.html?inbox=&locale=&host=`), on Parley's origin inside the
 * customer's page. It keeps the visitor token per inbox (`parley.visitor.<inbox id>`), so a
 * returning visitor sees their history, resumes their latest unresolved conversation and follows
 * its events live.
 *
 * A visitor is created (or resumed) only when there is a reason: a stored token (a returning
 * visitor, whose replies may come while the panel is closed) or the panel being opened.
 */
const params = new URLSearchParams(location.search);
const inboxId = params.get('inbox') ?? '';
const embedded = window.parent !== window;
/** The embedding page's origin, the only one talked to; null when framed by another (the panel then stays idle). */
const host = embedded ? hostOrigin(params.get('host'), location.ancestorOrigins) : null;
const locale = pickLocale(params.get('locale'), navigator.languages);
const t = stringsFor(locale);
const storageKey = `parley.visitor.${inboxId}`;

const { input, sendButton, handoffButton, closeButton, earlier } = ui;

const api = new VisitorApi();
const timeline = new Timeline(ui.log, ui.scroller, ui.earlier, t);

let inbox: InboxConfig | null = null;
let visitor: Visitor | null = null;
let identity: Identity | null = null;
let conversation: Conversation | null = null;
let replies: StreamState = emptyStreamState;
let stream: EventStream | null = null;
let open = !embedded;
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

function saveToken(token: string | null) {
  try {
    if (!frameStorage) toHost({ type: 'parley:token', token });
    else if (token) frameStorage.setItem(storageKey, token);
    else frameStorage.removeItem(storageKey);
  } catch {
    // storage full or revoked: the visitor lasts as long as the page
  }
}

// ---- the host page ---------------------------------------------------------------------------

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
  timeline.scrollToEnd();
}

// ---- what the panel says ---------------------------------------------------------------------

function announceItem(item: Item) {
  announce(item.kind === 'activity' ? item.text : format(t.said, { who: who(item.role, t), text: shownText(item) }));
}

function showProblem(error: unknown) {
  if (error instanceof ApiError && error.slug === 'visitor-unverified') {
    refusedUnverified = true;
    updateControls(); // the notice above the input says it
    return;
  }
  showError(problemText(error, t));
}

function updateControls() {
  if (inbox) {
    ui.title.textContent = inbox.name;
    document.title = inbox.name;
    ui.presence.textContent = inbox.online ? t.online : t.away;
    ui.presence.classList.toggle('online', inbox.online);
    timeline.greeting = inbox.greeting?.trim() || t.greeting;
    timeline.schedule();
  }
  const unverified = refusedUnverified || (inbox?.identity_required === true && visitor !== null && !visitor.verified);
  const blocked = unavailable || unverified;
  input.disabled = blocked;
  sendButton.disabled = blocked;
  ui.notice.hidden = !blocked;
  ui.notice.textContent = unavailable ? t.unavailable : unverified ? t.unverified : '';
  handoffButton.hidden = blocked || !inbox || conversation?.handler === 'human';
}

// ---- live events -----------------------------------------------------------------------------

function follow(conversationId: string) {
  stream?.stop();
  replies = emptyStreamState;
  stream = new EventStream(
    api.eventsUrl(conversationId),
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
      onConnection: (connection) => showBanner(t, connection === 'waiting'),
      onRefused: (status, slug) => {
        if (slug === 'conversation-not-found') {
          conversation = null;
          timeline.set([]);
          showError(t.gone);
          updateControls();
        } else if (status === 401) {
          starting = null; // a token the server no longer knows: start over at the next action
        }
      },
    },
  );
  stream.start();
}

/** A bot reply event; false when events are missing (the stream resumes after the last one). */
function onReply(frame: StreamFrame): boolean {
  const { state, outcome } = applyFrame(replies, frame);
  replies = state;
  if (outcome.kind === 'gap') return false;
  const messageId = frame.event.type === 'start' ? frame.event.data.message_id : parseEventId(frame.id)?.messageId;
  const reply = messageId ? replies.replies[messageId] : undefined;
  if (!reply) return true;
  const prior = timeline.find(reply.messageId);
  const ok = reply.status === 'complete' || reply.status === 'stopped';
  const item: Item = {
    id: reply.messageId,
    kind: 'message',
    role: 'assistant',
    text: reply.text,
    state: reply.done ? (ok ? 'sent' : 'interrupted') : 'streaming',
    at: prior?.at ?? new Date().toISOString(),
  };
  timeline.upsert(item);
  if (reply.done && prior?.state !== item.state) {
    announceItem(item);
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
      const reply = replies.replies[item.id];
      if (reply && !reply.done) return; // the stream is writing it
      const known = timeline.find(item.id);
      // Our own message, possibly before its POST answered: it takes the pending copy's place.
      const pending = item.role === 'user' ? timeline.all().find((each) => each.state === 'pending' && each.text === item.text) : undefined;
      if (pending) timeline.replace(pending.id, item);
      else timeline.upsert(item);
      if (!known && item.role !== 'user') {
        if (item.role === 'agent') showAgentTyping(false);
        announceItem(item);
        if (item.kind === 'message') noteUnread();
      }
      return;
    }
    case 'conversation.status_changed':
      if (conversation && (data.id === undefined || data.id === conversation.id)) {
        conversation = {
          ...conversation,
          status: typeof data.status === 'string' ? data.status : conversation.status,
          handler: data.handler === 'human' || data.handler === 'bot' ? data.handler : conversation.handler,
        };
        updateControls();
      }
      return;
    case 'typing':
      if (data.actor === 'agent') showAgentTyping(data.typing === true);
      return;
    default:
      return;
  }
}

// ---- the conversation ------------------------------------------------------------------------

function itemsOf(entries: TimelineEntry[]): Item[] {
  return entries.slice().reverse().map(itemOf);
}

/** Re-reads the newest page of the timeline, keeping what it cannot have yet. */
async function reload() {
  const current = conversation;
  if (!current) return;
  try {
    const page = await api.timeline(current.id);
    if (conversation?.id !== current.id) return;
    timeline.cursor = page.next_cursor;
    timeline.set(merge(itemsOf(page.items), timeline.all(), replies, Date.now()));
  } catch (error) {
    if (error instanceof ApiError && error.status !== 0) showProblem(error);
  }
}

async function showEarlier() {
  const current = conversation;
  if (!current || !timeline.cursor) return;
  earlier.disabled = true;
  try {
    const page = await api.timeline(current.id, timeline.cursor);
    if (conversation?.id === current.id) timeline.prepend(itemsOf(page.items), page.next_cursor);
  } catch (error) {
    showProblem(error);
  } finally {
    earlier.disabled = false;
  }
}

/** Clears the timeline but for messages on their way (sent before the visitor's start was done). */
function keepOnlyPending() {
  timeline.set(timeline.all().filter((item) => item.state === 'pending'));
}

async function openConversation(next: Conversation) {
  conversation = next;
  timeline.cursor = null;
  keepOnlyPending();
  follow(next.id);
  updateControls();
  await reload();
}

/** This visitor (a new one when the stored token is unknown), verified when the identity holds. */
async function identifyVisitor() {
  let withIdentity = identity;
  for (let attempt = 0; ; attempt++) {
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
      } else if (error.status === 400 && withIdentity) {
        // The site's data-* attributes are malformed (an e-mail that is none): its mistake, not the visitor's.
        console.warn('Parley widget: identity refused,', error.detail ?? error.title);
        withIdentity = null;
      } else if (api.token && (error.status === 401 || error.status === 403 || error.status === 404)) {
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
    keepOnlyPending();
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
    if (!(error instanceof ApiError) || (error.status !== 404 && error.status !== 400)) throw error;
    unavailable = true;
  }
  ui.panel.removeAttribute('aria-busy');
  updateControls();
}

async function send(text: string) {
  if (!text.trim()) return;
  clearError();
  const local: Item = { id: `local-${++localIds}`, kind: 'message', role: 'user', text, state: 'pending', at: new Date().toISOString() };
  timeline.upsert(local);
  timeline.followEnd();
  input.value = '';
  resizeInput();
  customerTyping.stop();
  const giveBack = () => {
    timeline.remove(local.id);
    if (!input.value) {
      input.value = text;
      resizeInput();
    }
  };
  if (!(await start())) return giveBack();
  try {
    if (!conversation) await openConversation(await api.createConversation());
    const sent = await api.send(conversation!.id, text);
    const stored = sent.message?.id ? { ...itemOf({ ...sent.message, role: 'user' }), text } : { ...local, state: 'sent' as const };
    timeline.replace(local.id, stored);
    if (sent.reply_id && !timeline.find(sent.reply_id)) {
      // The bot's reply, drawn as "writing" until its events come.
      timeline.upsert({ id: sent.reply_id, kind: 'message', role: 'assistant', text: '', state: 'streaming', at: new Date().toISOString() });
    }
  } catch (error) {
    giveBack();
    showProblem(error);
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
    await reload(); // the activity line, should the stream be away
  } catch (error) {
    showProblem(error);
  } finally {
    handoffButton.disabled = false;
  }
}

// ---- the customer's typing -------------------------------------------------------------------

const customerTyping = new CustomerTyping((value) => {
  if (conversation) api.typing(conversation.id, value).catch(() => {});
});

// ---- wiring ----------------------------------------------------------------------------------

label(t, locale, host !== null);
closeButton.addEventListener('click', () => toHost({ type: 'parley:close-request' }));
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && host) toHost({ type: 'parley:close-request' });
});
ui.errorClose.addEventListener('click', clearError);
earlier.addEventListener('click', () => void showEarlier());
handoffButton.addEventListener('click', () => void handoff());
input.addEventListener('input', () => {
  resizeInput();
  if (conversation) customerTyping.typed(input.value.trim() !== '');
});
input.addEventListener('blur', () => customerTyping.stop());
input.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    ui.composer.requestSubmit();
  }
});
ui.composer.addEventListener('submit', (event) => {
  event.preventDefault();
  void send(input.value);
});

window.addEventListener('offline', () => showBanner(t, false));
window.addEventListener('online', () => {
  showBanner(t, false);
  void reload();
});
showBanner(t, false);

api.token = frameStorage?.getItem(storageKey) ?? null;
const inboxLoaded = loadInbox().catch((error) => showProblem(error));
if (host) toHost({ type: 'parley:ready' });
// Opened on its own (not framed): a plain chat page.
else if (!embedded) void inboxLoaded.then(() => start());
