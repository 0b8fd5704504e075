import { describe, expect, it } from 'vitest';
import '../../i18n';
import { bodyOf, emptyValues, isHttpUrl, isUuid } from './agentForm';
import { fieldPath, placeFieldErrors } from './formErrors';

describe('fieldPath', () => {
  it('reads the server field names as form name paths', () => {
    expect(fieldPath('name')).toEqual(['name']);
    expect(fieldPath('greetings[2]')).toEqual(['greetings', 2]);
    expect(fieldPath('route[0].provider_id')).toEqual(['route', 0, 'provider_id']);
    expect(fieldPath('params.stop[1]')).toEqual(['params', 'stop', 1]);
  });
});

describe('placeFieldErrors', () => {
  const registered = [['name'], ['greetings', 0], ['greetings', 1], ['greetings', 2], ['params', 'stop'], ['route', 0, 'provider_id']];

  it('puts an error on the field it names, or the nearest field above it', () => {
    const { placed, rest } = placeFieldErrors(registered, [
      { field: 'greetings[2]', message: 'must not be blank' },
      { field: 'params.stop[1]', message: 'size must be between 1 and 200' },
      { field: 'route[0].provider_id', message: "no provider 'x'" },
    ]);
    expect(rest).toEqual([]);
    expect(placed).toEqual([
      { name: ['greetings', 2], errors: ['Must not be empty.'] },
      { name: ['params', 'stop'], errors: ['Must be between 1 and 200 long.'] },
      { name: ['route', 0, 'provider_id'], errors: ['No such provider.'] },
    ]);
  });

  it('returns the errors that name no field of the form', () => {
    const { placed, rest } = placeFieldErrors(registered, [{ field: 'visible_roles', message: 'odd' }]);
    expect(placed).toEqual([]);
    expect(rest).toEqual(['visible_roles: Not accepted: odd']);
  });
});

describe('the agent body', () => {
  it('leaves out what only an administrator may send', () => {
    const values = { ...emptyValues(), name: '  Tutor ', greetings: ['Hi'], params: { temperature: 0.5, top_p: null, max_tokens: null, stop: [] } };
    const body = bodyOf(values, false);
    expect(body).toEqual({
      name: 'Tutor',
      description: '',
      avatar_url: '',
      system_prompt: '',
      preset_messages: [],
      greetings: ['Hi'],
      suggested_questions: [],
      params: { temperature: 0.5, top_p: null, max_tokens: null, stop: null },
    });
    expect(bodyOf({ ...values, visibility: 'roles', visible_roles: ['user'] }, true)).toMatchObject({
      visibility: 'roles',
      visible_roles: ['user'],
      cache_enabled: false,
      route: [],
    });
  });

  it('checks names and addresses as the server does', () => {
    expect(isUuid('0195f1b2-7c3d-7a4e-9f00-1234567890ab')).toBe(true);
    expect(isUuid('Tutor')).toBe(false);
    expect(isHttpUrl('https://example.com/a.png')).toBe(true);
    expect(isHttpUrl('javascript:alert(1)')).toBe(false);
    expect(isHttpUrl('http://')).toBe(false);
  });
});
