import { describe, expect, it } from 'vitest';
import type { Message } from '../../api/types';
import { buildTree, choosePath, picksFor, ROOT } from './tree';
import { storedMessage } from '../../../test/messages';

let clock = 0;
function msg(id: string, parent: string | null, role: Message['role'] = 'user'): Message {
  clock += 1;
  return storedMessage(id, parent, role, new Date(1_700_000_000_000 + clock * 1000).toISOString());
}

describe('the message tree', () => {
  // u1 -> a1, a2 (regenerated), a3; u1' (edited) -> b1; a2 -> u2 -> c1
  const u1 = msg('u1', null);
  const a1 = msg('a1', 'u1', 'assistant');
  const a2 = msg('a2', 'u1', 'assistant');
  const u2 = msg('u2', 'a2');
  const c1 = msg('c1', 'u2', 'assistant');
  const a3 = msg('a3', 'u1', 'assistant');
  const u1b = msg('u1b', null);
  const b1 = msg('b1', 'u1b', 'assistant');
  // Pages come newest first: the order given must not matter.
  const tree = buildTree([b1, u1b, a3, c1, u2, a2, a1, u1]);

  it('shows the newest child at each fork by default, with the counts', () => {
    const path = choosePath(tree, {});
    expect(path.map((p) => p.message.id)).toEqual(['u1b', 'b1']);
    expect(path.map((p) => `${p.index}/${p.count}`)).toEqual(['2/2', '1/1']);
  });

  it('follows the picks, then the newest below them', () => {
    const path = choosePath(tree, { [ROOT]: 'u1' });
    expect(path.map((p) => p.message.id)).toEqual(['u1', 'a3']);
    expect(path[1]).toMatchObject({ index: 3, count: 3 });
    const second = choosePath(tree, { [ROOT]: 'u1', u1: 'a2' });
    expect(second.map((p) => p.message.id)).toEqual(['u1', 'a2', 'u2', 'c1']);
    expect(second[1]).toMatchObject({ index: 2, count: 3 });
  });

  it('picks every ancestor of a message to show it', () => {
    const picks = picksFor(tree, {}, 'c1');
    expect(choosePath(tree, picks).map((p) => p.message.id)).toEqual(['u1', 'a2', 'u2', 'c1']);
  });

  it('treats a message whose parent is not loaded as a root', () => {
    const partial = buildTree([c1, u2]);
    expect(choosePath(partial, {}).map((p) => p.message.id)).toEqual(['u2', 'c1']);
  });

  it('ignores a pick that names no sibling', () => {
    expect(choosePath(tree, { [ROOT]: 'nope' }).map((p) => p.message.id)).toEqual(['u1b', 'b1']);
  });
});
