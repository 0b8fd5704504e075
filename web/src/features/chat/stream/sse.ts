/** One event of a `text/event-stream`, as the WHATWG parsing rules build it. */
export interface SseEvent {
  id: string | null;
  event: string;
  data: string;
}

/**
 * An incremental `text/event-stream` parser: feed it the decoded text as it arrives, in any
 * pieces; it calls back for each complete event, for comments (heartbeats) and for `retry:`.
 * `id:` follows the spec: it sticks to the events after it until another one comes.
 */
export class SseParser {
  private buffer = '';
  private data: string[] = [];
  private eventType = '';
  private lastId: string | null = null;
  private sawId = false;

  constructor(
    private readonly onEvent: (event: SseEvent) => void,
    private readonly onComment: (text: string) => void = () => {},
    private readonly onRetry: (ms: number) => void = () => {},
  ) {}

  feed(text: string) {
    this.buffer += text;
    let start = 0;
    for (;;) {
      const lf = this.buffer.indexOf('\n', start);
      const cr = this.buffer.indexOf('\r', start);
      let end: number;
      let next: number;
      if (cr >= 0 && (lf < 0 || cr < lf)) {
        // A CR at the very end may be the first half of CRLF: wait for more.
        if (cr === this.buffer.length - 1) break;
        end = cr;
        next = this.buffer[cr + 1] === '\n' ? cr + 2 : cr + 1;
      } else if (lf >= 0) {
        end = lf;
        next = lf + 1;
      } else break;
      this.line(this.buffer.slice(start, end));
      start = next;
    }
    this.buffer = this.buffer.slice(start);
  }

  private line(line: string) {
    if (line === '') {
      this.dispatch();
      return;
    }
    if (line.startsWith(':')) {
      this.onComment(line.slice(1).trim());
      return;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'data':
        this.data.push(value);
        break;
      case 'event':
        this.eventType = value;
        break;
      case 'id':
        if (!value.includes('\0')) {
          this.lastId = value;
          this.sawId = true;
        }
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.onRetry(Number(value));
        break;
      default:
        break;
    }
  }

  private dispatch() {
    if (this.data.length === 0) {
      this.eventType = '';
      return;
    }
    const event: SseEvent = { id: this.sawId ? this.lastId : null, event: this.eventType || 'message', data: this.data.join('\n') };
    this.data = [];
    this.eventType = '';
    this.onEvent(event);
  }
}
