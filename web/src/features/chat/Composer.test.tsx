import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import '../../i18n';
import { Composer } from './Composer';

describe('Composer', () => {
  it('sends a message typed before it was ready once it is, instead of dropping it', async () => {
    const onSend = vi.fn(() => Promise.resolve(true));
    const view = render(<Composer onSend={onSend} running={false} disabled />);
    const box = screen.getByRole('textbox', { name: 'Your message' });
    fireEvent.change(box, { target: { value: 'Tell me a long story' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onSend).not.toHaveBeenCalled();
    view.rerender(<Composer onSend={onSend} running={false} disabled={false} />);
    await waitFor(() => expect(onSend).toHaveBeenCalledWith('Tell me a long story'));
    expect(onSend).toHaveBeenCalledTimes(1);
    await waitFor(() => expect((box as HTMLTextAreaElement).value).toBe(''));
  });
});
