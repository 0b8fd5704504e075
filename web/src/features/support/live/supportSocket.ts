import { api } from '../../../api/client';
import { ApiError, slugOf } from '../../../api/problem';
import { type SupportEvent, supportEventOf } from './events';

/**
 * The agents' live connection: Parley's WebSocket (`/ws`, opened with a one-time ticket from
 * `POST /api/v1/realtime/tickets`, since a browser cannot set a header on it) subscribed to the
 * `support` topic. Closed by the server or the network, it connects again with backoff (1 s
 * doubling to 30 s, with jitter; the browser's `online` event retries at once), and tells its
 * listeners it reconnected: events may have been missed meanwhile, so the caller reads again.
 * A refusal (not an agent, no session) ends it.
 */
const MAX_BACKOFF_MS = 30_000;

export type SocketState = 'connecting' | 'open' | 'waiting' | 'closed';

export interface SocketListener {
  event?: (event: SupportEvent) => void;
  /** Subscribed again after a lost connection. */
  reconnected?: () => void;
  state?: (state: SocketState) => void;
}

/** The wait before attempt `attempt` (0 = the first retry): 1 s doubling up to 30 s, ±20 %. */
export function backoffDelay(attempt: number, random: number = Math.random()): number {
  return Math.min(MAX_BACKOFF_MS, 1000 * 2 ** attempt) * (0.8 + random * 0.4);
}

function socketUrl(ticket: string): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/ws?ticket=${encodeURIComponent(ticket)}`;
}

/** Close codes after which connecting again cannot help. */
const FATAL_CLOSE = new Set([4403, 4404]);

export class SupportSocket {
  private readonly listeners = new Set<SocketListener>();
  private socket: WebSocket | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private attempt = 0;
  private subscribedOnce = false;
  private stopped = true;
  private current: SocketState = 'closed';
  private generation = 0;
  private readonly onOnline = () => {
    if (this.current === 'waiting') this.connectNow();
  };

  state(): SocketState {
    return this.current;
  }

  listen(listener: SocketListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start() {
    if (!this.stopped) return;
    this.stopped = false;
    window.addEventListener('online', this.onOnline);
    void this.connect();
  }

  stop() {
    this.stopped = true;
    this.generation += 1;
    window.removeEventListener('online', this.onOnline);
    clearTimeout(this.timer);
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      try {
        if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: 'unsubscribe', topic: 'support' }));
        socket.close(1000);
      } catch {
        // closing anyway
      }
    }
    this.subscribedOnce = false;
    this.setState('closed');
  }

  private connectNow() {
    clearTimeout(this.timer);
    this.attempt = 0;
    void this.connect();
  }

  private setState(state: SocketState) {
    if (this.current === state) return;
    this.current = state;
    for (const listener of this.listeners) listener.state?.(state);
  }

  private retryLater() {
    if (this.stopped) return;
    this.setState('waiting');
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.connect(), backoffDelay(this.attempt));
    this.attempt += 1;
  }

  private async connect() {
    if (this.stopped) return;
    const generation = ++this.generation;
    this.setState('connecting');
    let ticket: string;
    try {
      ticket = (await api<{ ticket: string }>('/api/v1/realtime/tickets', { method: 'POST', body: {} })).ticket;
    } catch (error) {
      if (generation !== this.generation) return;
      if (error instanceof ApiError && (error.status === 401 || error.status === 403)) return this.setState('closed');
      return this.retryLater();
    }
    if (generation !== this.generation || this.stopped) return;
    let socket: WebSocket;
    try {
      socket = new WebSocket(socketUrl(ticket));
    } catch {
      return this.retryLater();
    }
    this.socket = socket;
    socket.onopen = () => socket.send(JSON.stringify({ type: 'subscribe', topic: 'support', request_id: `support-${generation}` }));
    socket.onmessage = (message) => this.receive(message.data);
    socket.onclose = (close) => {
      if (this.socket !== socket) return;
      this.socket = null;
      if (FATAL_CLOSE.has(close.code)) return this.setState('closed');
      this.retryLater();
    };
  }

  private receive(raw: unknown) {
    if (typeof raw !== 'string') return;
    let frame: { type?: string; data?: { topic?: string }; problem?: { type?: string; status?: number } };
    try {
      frame = JSON.parse(raw);
    } catch {
      return;
    }
    if (frame.type === 'subscribed' && frame.data?.topic === 'support') {
      const again = this.subscribedOnce;
      this.subscribedOnce = true;
      this.attempt = 0;
      this.setState('open');
      if (again) for (const listener of this.listeners) listener.reconnected?.();
      return;
    }
    if (frame.type === 'error' && this.current !== 'open') {
      // The subscription was refused (`topic-forbidden`: not an agent): no point in trying again.
      if (frame.problem?.status === 403 || slugOf(frame.problem?.type) === 'topic-forbidden') {
        this.stopped = true;
        this.socket?.close(1000);
        this.socket = null;
        this.setState('closed');
      }
      return;
    }
    const event = supportEventOf(frame);
    if (!event) return;
    for (const listener of this.listeners) listener.event?.(event);
  }
}
