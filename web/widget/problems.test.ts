import { describe, expect, it } from 'vitest';
import { ApiError } from '../src/api/problem';
import { problemText } from './problems';
import { stringsFor } from './strings';

const en = stringsFor('en');
const zh = stringsFor('zh-CN');

describe('problemText', () => {
  it('asks to slow down on 429, with the wait when the server gave one', () => {
    const limited = new ApiError({ status: 429, slug: 'rate-limited', title: 'Too Many Requests', retryAfter: 6.2 });
    expect(problemText(limited, en)).toBe("You're sending messages too quickly. Please slow down and try again in 7 seconds.");
    expect(problemText(limited, zh)).toBe('您发送消息太快了，请放慢速度，7 秒后再试。');
    expect(problemText(new ApiError({ status: 429, slug: 'rate-limited', title: 'x' }), en)).toContain('in a moment');
  });

  it("says known problems in the visitor's language and others in the server's words", () => {
    expect(problemText(new ApiError({ status: 0, slug: 'network', title: 'Network error' }), en)).toBe(en.network);
    expect(problemText(new ApiError({ status: 409, slug: 'generation-in-progress', title: 'Conflict' }), zh)).toBe(zh.busy);
    expect(problemText(new ApiError({ status: 404, slug: 'conversation-not-found', title: 'Not found' }), en)).toBe(en.gone);
    expect(problemText(new ApiError({ status: 400, slug: 'content-too-large', title: 'Bad', detail: 'At most 4000 characters.' }), en)).toBe(
      'At most 4000 characters.',
    );
    expect(problemText(new ApiError({ status: 500, slug: 'http-500', title: '' }), en)).toBe(en.failed);
    expect(problemText(new Error('boom'), en)).toBe(en.failed);
  });
});
