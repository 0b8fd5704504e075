import { authorizedFetch } from '../../../api/client';
import { problemOf } from '../../../api/problem';
import { applyFrame, emptyStreamState, type ReplyEvent, type StreamFrame, type StreamState } from './events';
import { SseParser } from './sse';
import { sleep } from './sleep';

/**
 * Follows a conversation's replies with SSE over fetch, and never loses one.
 *
 * Why SSE over fetch and not the WebSocket: a page follows one conversation at a time, and
 * `GET .../stream` with `Last-Event-ID` is exactly the resume it needs; fetch carries the bearer
 * token (and its cross-tab refresh, in api/client) with no ticket round trip; the server's
 * heartbeat comments are visible to the page (WebSocket pings are not), which is what the
 * silence watchdog needs; and a plain HTTP request is what proxies and offline mode treat best.
 *
 * The subscription is a loop: the server's stream follows the running reply (or waits for the
 * next one) and ends after its terminal event; the loop opens it again at once, after the last
 * event applied, so replies follow one another, whoever started them (another tab included).
 * A network failure reopens it with backoff (1 s doubling to 15 s; the browser's `online` event
 * retries at once); a stream silent for more than 30 s (heartbeats come every 15 s) is dead and
 * reopened; a gap in the sequences reopens it after the last good event.
 */
const SILENCE_MS = 30_000;
const MAX_BACKOFF_MS = 15_000;

export type StreamConnection = 'connecting' | 'open' | 'waiting' | 'closed';

type Listener = () => void;

export function frameOf(id: string | null, data: string): StreamFrame | null {
  if (!id) return null;
  try {
    const event = JSON.parse(data) as ReplyEvent;
    if (!event || typeof event.type !== 'string') return null;
    if (!['start', 'chunk', 'end', 'error'].includes(event.type)) return null;
    return { id, event };
  } catch {
    return null;
  }
}

export class ConversationStream {
  private state: StreamState = emptyStreamState;
  private published: StreamState = emptyStreamState;
  private connection: StreamConnection = 'closed';
  private readonly listeners = new Set<Listener>();
  private readonly settledListeners = new Set<(messageId: string) => void>();
  private running = false;
  private stopped = false;
  private current: AbortController | null = null;
  private wake: AbortController = new AbortController();
  private frameRequested = false;
  private attempt = 0;
  private readonly onOnline = () => this.retryNow();
  private readonly onOffline = () => this.current?.abort();

  constructor(readonly conversationId: string) {}

  snapshot = (): StreamState => this.published;
  connectionState = (): StreamConnection => this.connection;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Called with a reply's id once its terminal event was applied. */
  onSettled(listener: (messageId: string) => void): () => void {
    this.settledListeners.add(listener);
    return () => this.settledListeners.delete(listener);
  }

  start() {
    this.stopped = false;
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    if (this.running) return;
    this.running = true;
    void this.loop().finally(() => {
      this.running = false;
    });
  }

  stop() {
    this.stopped = true;
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    this.current?.abort();
    this.wake.abort();
    this.setConnection('closed');
  }

  /** Reconnects now instead of after the backoff. */
  retryNow() {
    this.attempt = 0;
    this.wake.abort();
  }

  /** Applies a frame that came another way (the start of a send's own stream). */
  apply(frame: StreamFrame) {
    this.applyOne(frame);
  }

  private applyOne(frame: StreamFrame): boolean {
    const before = this.state.replies;
    const { state, outcome } = applyFrame(this.state, frame);
    this.state = state;
    this.schedule();
    const reply = state.replies[frame.event.type === 'start' ? frame.event.data.message_id : frame.id.slice(0, frame.id.lastIndexOf(':'))];
    if (reply?.done && !before[reply.messageId]?.done) {
      for (const listener of this.settledListeners) listener(reply.messageId);
    }
    return outcome.kind === 'ok';
  }

  /** Chunks can come hundreds a second: the page is told at most once an animation frame. */
  private schedule() {
    if (this.frameRequested) return;
    this.frameRequested = true;
    const flush = () => {
      if (!this.frameRequested) return;
      this.frameRequested = false;
      this.published = this.state;
      for (const listener of this.listeners) listener();
    };
    if (typeof requestAnimationFrame === 'function' && document.visibilityState === 'visible') requestAnimationFrame(flush);
    // A hidden tab gets no animation frames: it is told anyway, less often.
    setTimeout(flush, 100);
  }

  private setConnection(connection: StreamConnection) {
    if (this.connection === connection) return;
    this.connection = connection;
    for (const listener of this.listeners) listener();
  }

  private async loop() {
    while (!this.stopped) {
      const result = await this.connectOnce();
      if (this.stopped) break;
      if (result === 'fatal') {
        this.setConnection('closed');
        break;
      }
      if (result === 'again') {
        this.attempt = 0;
        continue;
      }
      const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** this.attempt) * (0.8 + Math.random() * 0.4);
      this.attempt += 1;
      this.setConnection('waiting');
      this.wake = new AbortController();
      await sleep(navigator.onLine === false ? MAX_BACKOFF_MS * 4 : delay, this.wake.signal);
    }
  }

  /** One connection: 'again' to reconnect at once, 'failed' to back off, 'fatal' to give up. */
  private async connectOnce(): Promise<'again' | 'failed' | 'fatal'> {
    const controller = new AbortController();
    this.current = controller;
    this.setConnection('connecting');
    let silence: ReturnType<typeof setTimeout> | undefined;
    const alive = () => {
      clearTimeout(silence);
      silence = setTimeout(() => controller.abort(), SILENCE_MS);
    };
    try {
      const headers: Record<string, string> = { Accept: 'text/event-stream' };
      const resumeFrom = this.state.lastEventId;
      if (resumeFrom) headers['Last-Event-ID'] = resumeFrom;
      alive();
      const response = await authorizedFetch(`/api/v1/conversations/${this.conversationId}/stream`, {
        headers,
        signal: controller.signal,
        cache: 'no-store',
      });
      if (!response.ok) {
        const problem = await problemOf(response);
        if (problem.slug === 'message-not-found' && resumeFrom) {
          // The reply it named is gone (deleted with a branch): follow from now.
          this.state = { ...this.state, lastEventId: null };
          return 'again';
        }
        if (response.status === 404 || response.status === 401 || response.status === 403) return 'fatal';
        return 'failed';
      }
      if (!response.body) return 'failed';
      this.setConnection('open');
      this.attempt = 0;
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      let gap = false;
      const parser = new SseParser((event) => {
        if (gap) return;
        const frame = frameOf(event.id, event.data);
        if (frame && !this.applyOne(frame)) {
          // Missing events: start again after the last good one.
          gap = true;
          controller.abort();
        }
      });
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        alive();
        parser.feed(decoder.decode(value, { stream: true }));
        if (gap) break;
      }
      return 'again';
    } catch {
      if (this.stopped) return 'fatal';
      return controller.signal.aborted && navigator.onLine !== false ? 'again' : 'failed';
    } finally {
      clearTimeout(silence);
      if (this.current === controller) this.current = null;
    }
  }
}

/** One stream per conversation for the whole page, shared by whoever shows it. */
const streams = new Map<string, { stream: ConversationStream; refs: number }>();

export function acquireStream(conversationId: string): ConversationStream {
  let entry = streams.get(conversationId);
  if (!entry) {
    entry = { stream: new ConversationStream(conversationId), refs: 0 };
    streams.set(conversationId, entry);
  }
  entry.refs += 1;
  entry.stream.start();
  return entry.stream;
}

export function releaseStream(conversationId: string) {
  const entry = streams.get(conversationId);
  if (!entry) return;
  entry.refs -= 1;
  if (entry.refs <= 0) {
    // Closed but remembered: coming back resumes right after the last event seen.
    entry.stream.stop();
  }
}

export function peekStream(conversationId: string): ConversationStream | undefined {
  return streams.get(conversationId)?.stream;
}
