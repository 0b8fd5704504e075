import { describe, expect, it } from 'vitest';
import { cleanIdentity, hostOrigin, toFrame, toHost } from './protocol';

describe('the loader-frame messages', () => {
  it('keep only non-empty string identity fields', () => {
    expect(cleanIdentity({ identifier: ' 42 ', identifier_hash: 'ab', name: '', email: 7, extra: 'x' })).toEqual({
      identifier: '42',
      identifier_hash: 'ab',
    });
    expect(cleanIdentity({ name: '  ' })).toBeNull();
    expect(cleanIdentity('identifier')).toBeNull();
    expect(cleanIdentity({ name: 'x'.repeat(2000) })?.name).toHaveLength(512);
  });

  it('are recognised by their shape only', () => {
    expect(toFrame({ type: 'parley:init', open: 'yes', identity: { name: 'Ann' }, token: 42 })).toEqual({
      type: 'parley:init',
      open: false,
      identity: { name: 'Ann' },
      token: null,
    });
    expect(toFrame({ type: 'parley:init', open: true, identity: null, token: 'vt_1' })).toEqual({
      type: 'parley:init',
      open: true,
      identity: null,
      token: 'vt_1',
    });
    expect(toHost({ type: 'parley:token', token: 'vt_1' })).toEqual({ type: 'parley:token', token: 'vt_1' });
    expect(toHost({ type: 'parley:token', token: {} })).toEqual({ type: 'parley:token', token: null });
    expect(toFrame({ type: 'parley:open', extra: 1 })).toEqual({ type: 'parley:open' });
    expect(toFrame({ type: 'parley:unread', count: 1 })).toBeNull();
    expect(toFrame('parley:open')).toBeNull();
    expect(toFrame(null)).toBeNull();
    expect(toHost({ type: 'parley:unread', count: 2.7 })).toEqual({ type: 'parley:unread', count: 2 });
    expect(toHost({ type: 'parley:unread', count: '3' })).toBeNull();
    expect(toHost({ type: 'parley:open' })).toBeNull();
    expect(toHost({ type: 'webpackHotUpdate' })).toBeNull();
  });
});

describe('hostOrigin', () => {
  it('takes an http(s) origin, nothing more', () => {
    expect(hostOrigin('https://shop.example')).toBe('https://shop.example');
    expect(hostOrigin('http://127.0.0.1:8123')).toBe('http://127.0.0.1:8123');
    expect(hostOrigin('https://shop.example/path')).toBeNull();
    expect(hostOrigin('null')).toBeNull();
    expect(hostOrigin('javascript:alert(1)')).toBeNull();
    expect(hostOrigin(null)).toBeNull();
    expect(hostOrigin('*')).toBeNull();
  });

  it("must be the browser's own account of the parent where it gives one", () => {
    expect(hostOrigin('https://shop.example', ['https://shop.example'])).toBe('https://shop.example');
    expect(hostOrigin('https://shop.example', ['https://evil.example'])).toBeNull();
    expect(hostOrigin('https://shop.example', [])).toBe('https://shop.example');
  });
});
