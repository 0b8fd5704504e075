import { problemOf } from '../src/api/problem';
import { SseDecoder, type WidgetEvent, widgetEvent } from './sse';
import { sleep } from '../src/features/chat/stream/sleep';

/**
 * Follows one conversation's events: fetch with the visitor token in `X-Visitor-Token` (an
 * EventSource could only put it in the URL) and the body read as a stream. It reconnects after
 * the last bot reply event applied (`Last-Event-ID`), at once when the server ended the stream
 * after a while, else with backoff (1 s doubling to 15 s, with jitter; the `online` event retries
 * at once). A stream silent for longer than 40 s (heartbeats come every 15 s) is taken as dead.
 * Every connection after the first is reported as a reconnect: the frame then re-reads the
 * timeline, for whatever came while it was away.
 */
const SILENCE_MS = 40_000;
const MAX_BACKOFF_MS = 15_000;
/** A stream that ended sooner than this is a failure (backoff), not a normal end. */
const SHORT_LIVED_MS = 3_000;

export type Connection = 'connecting' | 'open' | 'waiting' | 'closed';

export interface StreamHandlers {
  /** An event; false for a bot reply event that does not follow on (missing events): resume. */
  onEvent(event: WidgetEvent): boolean;
  onOpen(reconnect: boolean): void;
  onConnection(connection: Connection): void;
  /** The server refused the stream for good (the conversation is gone, the token is bad). */
  onRefused(status: number, slug: string): void;
}

export class EventStream {
  private stopped = false;
  private current: AbortController | null = null;
  private wake = new AbortController();
  private attempt = 0;
  private opened = 0;
  private readonly onOnline = () => this.retryNow();
  private readonly onOffline = () => this.current?.abort();

  constructor(
    private readonly url: string,
    private readonly token: () => string | null,
    private readonly lastEventId: () => string | null,
    private readonly forgetLastEventId: () => void,
    private readonly handlers: StreamHandlers,
  ) {}

  start() {
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    void this.loop();
  }

  stop() {
    this.stopped = true;
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    this.current?.abort();
    this.wake.abort();
    this.handlers.onConnection('closed');
  }

  retryNow() {
    this.attempt = 0;
    this.wake.abort();
  }

  private async loop() {
    while (!this.stopped) {
      const result = await this.connectOnce();
      if (this.stopped || result === 'fatal') break;
      if (result === 'again') {
        this.attempt = 0;
        continue;
      }
      const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** this.attempt) * (0.8 + Math.random() * 0.4);
      this.attempt += 1;
      this.handlers.onConnection('waiting');
      this.wake = new AbortController();
      await sleep(navigator.onLine === false ? MAX_BACKOFF_MS * 4 : delay, this.wake.signal);
    }
  }

  private async connectOnce(): Promise<'again' | 'failed' | 'fatal'> {
    const controller = new AbortController();
    this.current = controller;
    this.handlers.onConnection('connecting');
    let silence: ReturnType<typeof setTimeout> | undefined;
    const alive = () => {
      clearTimeout(silence);
      silence = setTimeout(() => controller.abort(), SILENCE_MS);
    };
    const startedAt = Date.now();
    try {
      const headers: Record<string, string> = { Accept: 'text/event-stream' };
      const token = this.token();
      if (token) headers['X-Visitor-Token'] = token;
      const resumeFrom = this.lastEventId();
      if (resumeFrom) headers['Last-Event-ID'] = resumeFrom;
      alive();
      const response = await fetch(this.url, { headers, signal: controller.signal, cache: 'no-store', credentials: 'omit' });
      if (!response.ok) {
        const problem = await problemOf(response);
        if (response.status === 401 || response.status === 403 || problem.slug === 'conversation-not-found') {
          this.handlers.onRefused(response.status, problem.slug);
          return 'fatal';
        }
        if (resumeFrom && response.status >= 400 && response.status < 500 && response.status !== 429) {
          // The reply it named cannot be resumed: follow from now (the timeline has the rest).
          this.forgetLastEventId();
          return 'again';
        }
        return 'failed';
      }
      if (!response.body) return 'failed';
      this.handlers.onConnection('open');
      this.handlers.onOpen(this.opened > 0);
      this.opened += 1;
      this.attempt = 0;
      const reader = response.body.getReader();
      let gap = false;
      const decoder = new SseDecoder((event) => {
        if (gap) return;
        const parsed = widgetEvent(event);
        if (parsed && !this.handlers.onEvent(parsed)) {
          gap = true;
          controller.abort();
        }
      });
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        alive();
        decoder.feed(value);
        if (gap) break;
      }
      decoder.finish();
      return gap || Date.now() - startedAt >= SHORT_LIVED_MS ? 'again' : 'failed';
    } catch {
      if (this.stopped) return 'fatal';
      return controller.signal.aborted && navigator.onLine !== false ? 'again' : 'failed';
    } finally {
      clearTimeout(silence);
      if (this.current === controller) this.current = null;
    }
  }
}
