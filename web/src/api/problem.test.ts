import { describe, expect, it } from 'vitest';
import { problemOf, slugOf } from './problem';

describe('problemOf', () => {
  it('reads an RFC 9457 problem with its slug, field errors and Retry-After', async () => {
    const response = new Response(
      JSON.stringify({
        type: 'https://parley.dev/problems/weak-password',
        title: 'Weak password',
        status: 400,
        detail: 'password must be at least 10 characters',
        errors: [{ field: 'password', message: 'must be at least 10 characters' }],
      }),
      { status: 400, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '7', 'x-request-id': 'req_1' } },
    );
    const problem = await problemOf(response);
    expect(problem.slug).toBe('weak-password');
    expect(problem.status).toBe(400);
    expect(problem.errors).toEqual([{ field: 'password', message: 'must be at least 10 characters' }]);
    expect(problem.retryAfter).toBe(7);
    expect(problem.requestId).toBe('req_1');
  });

  it('names a failure without a problem body by its status', async () => {
    const problem = await problemOf(new Response('<html>bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    expect(problem.slug).toBe('http-502');
    expect(problem.title).toBe('Bad Gateway');
  });

  it('takes the last path segment of a type URI', () => {
    expect(slugOf('https://parley.dev/problems/quota-exceeded')).toBe('quota-exceeded');
    expect(slugOf(undefined)).toBeUndefined();
  });
});
