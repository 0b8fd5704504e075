import type { Message } from '../../api/types';

/**
 * The conversation as a tree (messages point at their parent): a regenerated reply is a sibling
 * of the old one, an edited user message a sibling of the original. The page shows one path from
 * the root, choosing at each fork the newest child unless the user picked another.
 */
export interface MessageTree {
  byId: Map<string, Message>;
  /** Children by parent id ('' for the roots), oldest first. */
  children: Map<string, Message[]>;
}

export const ROOT = '';

function newerFirst(a: Message, b: Message): number {
  // Ids are UUIDv7: they sort by creation time; created_at breaks nothing when they tie.
  if (a.created_at !== b.created_at) return a.created_at < b.created_at ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function buildTree(messages: Iterable<Message>): MessageTree {
  const byId = new Map<string, Message>();
  for (const message of messages) byId.set(message.id, message);
  const children = new Map<string, Message[]>();
  for (const message of byId.values()) {
    // A parent not loaded (an older page) makes its child a root of what is shown.
    const key = message.parent_id && byId.has(message.parent_id) ? message.parent_id : ROOT;
    const list = children.get(key);
    if (list) list.push(message);
    else children.set(key, [message]);
  }
  for (const list of children.values()) list.sort(newerFirst);
  return { byId, children };
}

/** Which child the user picked at a fork, by the fork's parent id (ROOT for the roots). */
export type Picks = Record<string, string>;

export interface PathItem {
  message: Message;
  /** 1-based position among its siblings, and their count. */
  index: number;
  count: number;
  siblings: Message[];
}

export function choosePath(tree: MessageTree, picks: Picks): PathItem[] {
  const path: PathItem[] = [];
  let key = ROOT;
  const seen = new Set<string>();
  for (;;) {
    const siblings = tree.children.get(key);
    if (!siblings || siblings.length === 0) break;
    const picked = picks[key];
    let at = picked ? siblings.findIndex((m) => m.id === picked) : -1;
    if (at < 0) at = siblings.length - 1;
    const message = siblings[at];
    if (seen.has(message.id)) break;
    seen.add(message.id);
    path.push({ message, index: at + 1, count: siblings.length, siblings });
    key = message.id;
  }
  return path;
}

/** The picks that show `messageId` (and its newest descendants): each of its ancestors picked. */
export function picksFor(tree: MessageTree, picks: Picks, messageId: string): Picks {
  const next = { ...picks };
  let message = tree.byId.get(messageId);
  while (message) {
    const parent = message.parent_id && tree.byId.has(message.parent_id) ? message.parent_id : ROOT;
    next[parent] = message.id;
    message = parent ? tree.byId.get(parent) : undefined;
  }
  return next;
}

/** The fork key of a message: its parent's id, or ROOT. */
export function forkOf(tree: MessageTree, message: Message): string {
  return message.parent_id && tree.byId.has(message.parent_id) ? message.parent_id : ROOT;
}
