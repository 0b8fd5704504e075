import { afterEach, describe, expect, it } from 'vitest';
import { clearUnseen, markSeen, markUnseen, titleWithCount, unseenCount } from './badge';

describe('the title badge', () => {
  afterEach(() => clearUnseen());

  it('prefixes the title with the count, replaces an earlier count and drops it at zero', () => {
    expect(titleWithCount('Parley', 2)).toBe('(2) Parley');
    expect(titleWithCount('(2) Parley', 3)).toBe('(3) Parley');
    expect(titleWithCount('(3) Parley', 0)).toBe('Parley');
    expect(titleWithCount('Parley', 0)).toBe('Parley');
    expect(titleWithCount('(1) (draft) Parley', 0)).toBe('(draft) Parley');
  });

  it('counts each handed-off conversation once until it is opened', () => {
    markUnseen('a');
    markUnseen('b');
    markUnseen('a');
    expect(unseenCount()).toBe(2);
    markSeen('a');
    expect(unseenCount()).toBe(1);
    markSeen('a');
    expect(unseenCount()).toBe(1);
    markSeen('b');
    expect(unseenCount()).toBe(0);
  });
});
