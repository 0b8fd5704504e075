import type { StreamState } from '../src/features/chat/stream/events';
import type { Strings } from './strings';
import { type Item, renderItem } from './view';

/** A placeholder for a bot reply whose events have not come is kept this long at most. */
const PLACEHOLDER_MS = 30_000;

/**
 * The stored newest page of the timeline merged with what it cannot have yet: messages on their
 * way, and bot replies the stream is writing (the stream is ahead of a running reply's stored
 * checkpoint). Unchanged items stay the same objects, so they are not drawn again.
 */
export function merge(stored: Item[], current: readonly Item[], replies: StreamState, now: number): Item[] {
  const known = new Map(current.map((item) => [item.id, item]));
  const merged = stored.map((item) => {
    const had = known.get(item.id);
    if (!had) return item;
    const reply = replies.replies[item.id];
    if (reply && !reply.done) return had;
    return had.text === item.text && had.state === item.state && had.kind === item.kind ? had : item;
  });
  const storedIds = new Set(stored.map((item) => item.id));
  const unstored = current.filter(
    (item) =>
      !storedIds.has(item.id) &&
      (item.state === 'pending' ||
        (item.state === 'streaming' && (replies.replies[item.id] !== undefined || now - Date.parse(item.at) < PLACEHOLDER_MS))),
  );
  return [...merged, ...unstored];
}

/**
 * The panel's list of messages: the items, drawn keyed by id (only what changed is drawn again,
 * at most once an animation frame however fast a reply streams), kept scrolled to the end while
 * the reader is there.
 */
export class Timeline {
  private items: Item[] = [];
  private readonly rendered = new Map<string, { item: Item; element: HTMLLIElement }>();
  private queued = false;
  private stick = true;
  /** The `before` of the next older page; null when the first page is shown. */
  cursor: string | null = null;
  /** The inbox's greeting, shown above the first message. */
  greeting: string | null = null;

  constructor(
    private readonly log: HTMLOListElement,
    private readonly scroller: HTMLElement,
    private readonly earlier: HTMLButtonElement,
    private readonly t: Strings,
  ) {}

  all(): readonly Item[] {
    return this.items;
  }

  find(id: string): Item | undefined {
    return this.items.find((item) => item.id === id);
  }

  set(items: Item[]) {
    this.items = items;
    this.schedule();
  }

  /** Replaces the item of that id where it is, or adds it at the end. */
  upsert(item: Item) {
    const at = this.items.findIndex((each) => each.id === item.id);
    this.set(at >= 0 ? [...this.items.slice(0, at), item, ...this.items.slice(at + 1)] : [...this.items, item]);
  }

  /** Puts `item` where the item `id` was (and drops any other copy of it). */
  replace(id: string, item: Item) {
    const at = this.items.findIndex((each) => each.id === id);
    const rest = this.items.filter((each) => each.id !== id && each.id !== item.id);
    this.set(at < 0 ? [...rest, item] : [...rest.slice(0, at), item, ...rest.slice(at)]);
  }

  remove(id: string) {
    this.set(this.items.filter((item) => item.id !== id));
  }

  /** Older items above the others, the reader's place kept. */
  prepend(older: Item[], cursor: string | null) {
    const have = new Set(this.items.map((item) => item.id));
    const height = this.scroller.scrollHeight;
    this.items = [...older.filter((item) => !have.has(item.id)), ...this.items];
    this.cursor = cursor;
    this.queued = true;
    this.flush();
    this.scroller.scrollTop += this.scroller.scrollHeight - height;
  }

  /** The next drawing scrolls to the end (the reader just sent something). */
  followEnd() {
    this.stick = true;
    this.schedule();
  }

  schedule() {
    if (this.queued) return;
    this.queued = true;
    this.stick ||= this.scroller.scrollHeight - this.scroller.scrollTop - this.scroller.clientHeight < 60;
    if (document.visibilityState === 'visible') requestAnimationFrame(() => this.flush());
    // No animation frames in a hidden frame (the panel closed): drawn anyway, a little later.
    setTimeout(() => this.flush(), 100);
  }

  scrollToEnd() {
    this.scroller.scrollTop = this.scroller.scrollHeight;
  }

  private flush() {
    if (!this.queued) return;
    this.queued = false;
    const greeting: Item | null =
      this.greeting && !this.cursor ? { id: 'greeting', kind: 'message', role: 'assistant', text: this.greeting, state: 'sent', at: '' } : null;
    const shown = greeting ? [greeting, ...this.items] : this.items;
    const keep = new Set<string>();
    shown.forEach((item, index) => {
      keep.add(item.id);
      let entry = this.rendered.get(item.id);
      if (!entry || (entry.item !== item && !(item.id === 'greeting' && entry.item.text === item.text))) {
        const element = renderItem(item, this.t);
        entry?.element.replaceWith(element);
        entry = { item, element };
        this.rendered.set(item.id, entry);
      }
      if (this.log.children[index] !== entry.element) this.log.insertBefore(entry.element, this.log.children[index] ?? null);
    });
    for (const [id, entry] of this.rendered) {
      if (!keep.has(id)) {
        entry.element.remove();
        this.rendered.delete(id);
      }
    }
    this.earlier.hidden = !this.cursor;
    if (this.stick) this.scrollToEnd();
    this.stick = false;
  }
}
