import { render } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import '../../../i18n';
import { Markdown } from './Markdown';

describe('Markdown', () => {
  it('shows a script tag as text and never runs it', () => {
    const alert = vi.fn();
    window.alert = alert;
    const { container } = render(<Markdown text={'Hello <script>window.alert(1)</script> there'} />);
    expect(container.querySelector('script')).toBeNull();
    expect(container.textContent).toContain('<script>window.alert(1)</script>');
    expect(alert).not.toHaveBeenCalled();
  });

  it('shows an img with onerror as text', () => {
    const alert = vi.fn();
    window.alert = alert;
    const { container } = render(<Markdown text={'<img src=x onerror="window.alert(2)">\n\nnext'} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('[onerror]')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror="window.alert(2)">');
    expect(alert).not.toHaveBeenCalled();
  });

  it('never makes a javascript: link live', () => {
    const { container } = render(<Markdown text={'[x](javascript:alert(1)) and [ok](https://example.com) <a href="javascript:alert(1)">y</a>'} />);
    const links = [...container.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://example.com']);
    expect(container.querySelector('[href^="javascript"]')).toBeNull();
    expect(container.textContent).toContain('x');
  });

  it('renders tables, code with a copy button and math', () => {
    const { container } = render(
      <Markdown text={'| a | b |\n|---|---|\n| 1 | 2 |\n\n```js\nconst x = 1;\n```\n\n$$E = mc^2$$'} />,
    );
    expect(container.querySelectorAll('td')).toHaveLength(2);
    expect(container.querySelector('pre code')?.textContent).toBe('const x = 1;\n');
    expect(container.querySelector('button[aria-label="Copy the code"]')).not.toBeNull();
    expect(container.querySelector('.katex')).not.toBeNull();
  });
});
