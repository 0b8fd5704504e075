import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, screen } from '@testing-library/react';
import { App as AntApp, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import '../../../i18n';
import { ApiError } from '../../../api/problem';
import { useFormSave, useRowMutation } from './mutations';
import { supportAdminProblemText } from './problems';

function harness() {
  const client = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  const invalidated = vi.spyOn(client, 'invalidateQueries');
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>
      <AntApp>{children}</AntApp>
    </QueryClientProvider>
  );
  return { wrapper, invalidated };
}

const keys = [['admin', 'support', 'teams'], ['support', 'teams']];

describe('a row mutation', () => {
  it('refreshes the lists, in order, and then runs onDone with the row', async () => {
    const { wrapper, invalidated } = harness();
    const done = vi.fn();
    const { result } = renderHook(() => useRowMutation((row: { id: string }) => Promise.resolve(row.id), keys, done), { wrapper });
    await act(() => result.current.mutateAsync({ id: 't1' }));
    expect(invalidated.mock.calls.map(([filters]) => filters?.queryKey)).toEqual(keys);
    expect(done).toHaveBeenCalledWith({ id: 't1' });
  });

  it('shows a failure as a message and refreshes nothing', async () => {
    const { wrapper, invalidated } = harness();
    const failure = new ApiError({ status: 409, slug: 'conflict', title: 'Conflict', detail: 'The team is in use' });
    const { result } = renderHook(() => useRowMutation(() => Promise.reject(failure), keys), { wrapper });
    await act(() => result.current.mutateAsync(undefined).catch(() => undefined));
    expect(await screen.findByText(supportAdminProblemText(failure))).toBeTruthy();
    expect(invalidated).not.toHaveBeenCalled();
  });
});

describe('a form save', () => {
  it('refreshes the lists and closes when it succeeds', async () => {
    const { wrapper, invalidated } = harness();
    const saved = vi.fn();
    const form = { setFields: vi.fn() } as unknown as FormInstance;
    const { result } = renderHook(() => useFormSave(form, () => Promise.resolve(), { invalidates: keys, onSaved: saved }), { wrapper });
    await act(() => result.current.mutateAsync({}));
    expect(invalidated.mock.calls.map(([filters]) => filters?.queryKey)).toEqual(keys);
    expect(saved).toHaveBeenCalledOnce();
  });

  it('puts the server field errors on the fields, named by fieldOf', async () => {
    const { wrapper } = harness();
    const saved = vi.fn();
    const setFields = vi.fn();
    const errors = [{ field: 'events[1]', message: 'unknown event' }, { field: 'url', message: 'must be https' }];
    const failure = new ApiError({ status: 400, slug: 'invalid-request', title: 'Invalid', errors });
    const { result } = renderHook(
      () => useFormSave({ setFields } as unknown as FormInstance, () => Promise.reject(failure), { invalidates: keys, onSaved: saved, fieldOf: (name) => name.replace(/\[\d+\]$/, '') }),
      { wrapper },
    );
    await act(() => result.current.mutateAsync({}).catch(() => undefined));
    expect(setFields).toHaveBeenCalledWith([
      { name: 'events', errors: ['unknown event'] },
      { name: 'url', errors: ['must be https'] },
    ]);
    expect(saved).not.toHaveBeenCalled();
  });
});
