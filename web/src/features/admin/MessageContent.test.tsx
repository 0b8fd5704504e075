import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MessageContent } from './ConversationView';

describe('MessageContent (the read-only conversation view)', () => {
  const hostile = 'Hi <script>window.pwned = true</script> **bold** [click](javascript:alert(1)) <img src=x onerror="window.pwned=true">';

  it('renders Markdown without raw HTML and without javascript: links', () => {
    const { container } = render(<MessageContent content={hostile} view="markdown" />);
    expect(container.querySelector('strong')?.textContent).toBe('bold');
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    const link = container.querySelector('a');
    expect(link?.textContent).toBe('click');
    expect(link?.getAttribute('href') ?? '').not.toMatch(/javascript:/i);
    expect((window as unknown as { pwned?: boolean }).pwned).toBeUndefined();
  });

  it('shows the exact text as plain text', () => {
    const { container } = render(<MessageContent content={hostile} view="plain" />);
    expect(container.querySelector('pre')?.textContent).toBe(hostile);
    expect(container.querySelector('script')).toBeNull();
  });
});
