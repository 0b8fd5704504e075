/**
 * The agent's own typing, told to the customer without a call per key: `true` on the first key,
 * again every `refreshMs` while typing goes on (the other side forgets a typing that is not
 * renewed), and `false` once the keys stop for `idleMs`, or at once on send or leave.
 */
export class TypingSender {
  private typing = false;
  private lastSent = 0;
  private idle: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly send: (typing: boolean) => void,
    private readonly idleMs = 3_000,
    private readonly refreshMs = 5_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** A key was typed. */
  input() {
    const at = this.now();
    if (!this.typing || at - this.lastSent >= this.refreshMs) {
      this.typing = true;
      this.lastSent = at;
      this.send(true);
    }
    clearTimeout(this.idle);
    this.idle = setTimeout(() => this.stop(), this.idleMs);
  }

  /** The agent sent, emptied the box or left. */
  stop() {
    clearTimeout(this.idle);
    if (!this.typing) return;
    this.typing = false;
    this.send(false);
  }
}
