import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { saveSession } from '../../../api/session';
import { backoffDelay, SupportSocket } from './supportSocket';

/** A WebSocket the test drives: it records what the page sends and delivers what the test says. */
class FakeSocket {
  static OPEN = 1;
  static all: FakeSocket[] = [];
  readyState = 0;
  sent: unknown[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((message: { data: string }) => void) | null = null;
  onclose: ((close: { code: number }) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  send(text: string) {
    this.sent.push(JSON.parse(text));
  }
  close() {
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  receive(frame: unknown) {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
  drop(code = 1006) {
    this.readyState = 3;
    this.onclose?.({ code });
  }
}

const flush = () => vi.advanceTimersByTimeAsync(0);

describe('the support socket', () => {
  let tickets = 0;

  beforeEach(() => {
    vi.useFakeTimers();
    FakeSocket.all = [];
    tickets = 0;
    saveSession({
      accessToken: 'token',
      refreshToken: 'refresh',
      accessExpiresAt: Date.now() + 600_000,
      user: {
        id: 'me',
        email: 'ada@example.com',
        display_name: 'Ada',
        role: 'agent',
        status: 'active',
        password_change_required: false,
        created_at: '2026-01-01T00:00:00Z',
        last_login_at: null,
      },
    });
    vi.stubGlobal('WebSocket', FakeSocket);
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        tickets += 1;
        return new Response(JSON.stringify({ ticket: `wst_${tickets}`, expires_in: 30 }), { status: 201, headers: { 'Content-Type': 'application/json' } });
      }),
    );
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    saveSession(null);
  });

  it('subscribes with a ticket, hands on support events, and after a lost connection subscribes again and says so', async () => {
    const socket = new SupportSocket();
    const events: string[] = [];
    let reconnected = 0;
    socket.listen({ event: (event) => events.push(event.type), reconnected: () => (reconnected += 1) });
    socket.start();
    await flush();
    const first = FakeSocket.all[0];
    expect(first.url).toMatch(/\/ws\?ticket=wst_1$/);
    first.open();
    expect(first.sent).toEqual([{ type: 'subscribe', topic: 'support', request_id: expect.any(String) }]);
    first.receive({ type: 'subscribed', data: { topic: 'support' } });
    expect(socket.state()).toBe('open');
    first.receive({ type: 'typing', conversation_id: 'c', data: { conversation_id: 'c', actor: 'customer', typing: true } });
    first.receive({ type: 'pong' });
    expect(events).toEqual(['typing']);

    first.drop();
    expect(socket.state()).toBe('waiting');
    await vi.advanceTimersByTimeAsync(1_300);
    const second = FakeSocket.all[1];
    expect(second.url).toMatch(/ticket=wst_2$/);
    second.open();
    second.receive({ type: 'subscribed', data: { topic: 'support' } });
    expect(reconnected).toBe(1);
    socket.stop();
    expect(second.sent.at(-1)).toEqual({ type: 'unsubscribe', topic: 'support' });
    expect(socket.state()).toBe('closed');
  });

  it('gives up when the subscription is refused', async () => {
    const socket = new SupportSocket();
    socket.start();
    await flush();
    const only = FakeSocket.all[0];
    only.open();
    only.receive({ type: 'error', problem: { type: 'https://parley.dev/problems/topic-forbidden', title: 'Forbidden', status: 403 } });
    expect(socket.state()).toBe('closed');
    only.drop(1000);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeSocket.all).toHaveLength(1);
  });

  it('waits 1 s doubling to 30 s between attempts', () => {
    expect(backoffDelay(0, 0.5)).toBe(1000);
    expect(backoffDelay(3, 0.5)).toBe(8000);
    expect(backoffDelay(10, 0.5)).toBe(30_000);
    expect(backoffDelay(0, 0)).toBe(800);
    expect(backoffDelay(0, 1)).toBeCloseTo(1200);
  });
});
