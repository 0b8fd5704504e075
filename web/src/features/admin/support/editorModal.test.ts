import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useEditorModal } from './editorModal';

describe('the editor modal state', () => {
  it('opens for a new row or for one row, afresh each time, and closes keeping the row', () => {
    const { result } = renderHook(() => useEditorModal<{ id: string }>());
    expect(result.current.props).toMatchObject({ open: false, editing: null });
    const first = result.current.key;

    act(() => result.current.edit(null));
    expect(result.current.props).toMatchObject({ open: true, editing: null });
    expect(result.current.key).toBe(first + 1);

    act(() => result.current.edit({ id: 'a' }));
    expect(result.current.props).toMatchObject({ open: true, editing: { id: 'a' } });
    expect(result.current.key).toBe(first + 2);

    act(() => result.current.props.onClose());
    expect(result.current.props).toMatchObject({ open: false, editing: { id: 'a' } });
    expect(result.current.key).toBe(first + 2);
  });
});
