/**
 * The customer's typing, told to the agents without a call per key: "typing" at the start of a
 * burst (and again every 8 s while it lasts, so the agent's indicator does not run out), and
 * "stopped" after 3 s without a key, or at once when the message is sent or the input left.
 */
export const AGAIN_MS = 8_000;
export const IDLE_MS = 3_000;

export class CustomerTyping {
  private sentAt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly tell: (typing: boolean) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** A key was typed; `hasText`: the input is not blank. */
  typed(hasText: boolean) {
    if (!hasText) return this.stop();
    if (this.sentAt === 0 || this.now() - this.sentAt > AGAIN_MS) {
      this.sentAt = this.now();
      this.tell(true);
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.stop(), IDLE_MS);
  }

  stop() {
    clearTimeout(this.timer);
    if (this.sentAt === 0) return;
    this.sentAt = 0;
    this.tell(false);
  }
}
