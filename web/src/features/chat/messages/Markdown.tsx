import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import 'katex/dist/katex.min.css';
import { memo, type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import ReactMarkdown, { defaultUrlTransform } from 'react-markdown';
import rehypeHighlight from 'rehype-highlight';
import rehypeKatex from 'rehype-katex';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { copyText } from './copy';

interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
}

/**
 * HTML in a reply is shown as the text it is, never rendered: every raw HTML node of the
 * Markdown tree becomes a text node (without this, react-markdown would drop it silently).
 */
function remarkHtmlAsText() {
  const visit = (node: MdNode) => {
    if (node.type === 'html') node.type = 'text';
    node.children?.forEach(visit);
  };
  return (tree: MdNode) => visit(tree);
}

/** Only http(s), mailto and relative links survive; `javascript:` and the like become ''. */
function safeUrl(url: string): string {
  return defaultUrlTransform(url);
}

function CodeBlock({ children }: { children?: ReactNode }) {
  const { t } = useTranslation('chat');
  const ref = useRef<HTMLPreElement>(null);
  const [copied, setCopied] = useState(false);
  return (
    <div className="parley-code">
      <Tooltip title={copied ? t('copied') : t('copyCode')}>
        <Button
          size="small"
          type="text"
          className="parley-code-copy"
          icon={copied ? <CheckOutlined /> : <CopyOutlined />}
          aria-label={t('copyCode')}
          onClick={() => {
            void copyText(ref.current?.textContent ?? '').then(() => {
              setCopied(true);
              setTimeout(() => setCopied(false), 1500);
            });
          }}
        />
      </Tooltip>
      <pre ref={ref}>{children}</pre>
    </div>
  );
}

const remarkPlugins = [remarkGfm, remarkMath, remarkHtmlAsText];
const rehypePlugins = [rehypeKatex, [rehypeHighlight, { detect: false, ignoreMissing: true }]] as never;

/** A reply's Markdown: GFM tables and lists, math, highlighted code with a copy button; no raw HTML. */
export const Markdown = memo(function Markdown({ text }: { text: string }) {
  return (
    <div className="parley-markdown">
      <ReactMarkdown
        remarkPlugins={remarkPlugins}
        rehypePlugins={rehypePlugins}
        urlTransform={safeUrl}
        components={{
          pre: ({ children }) => <CodeBlock>{children}</CodeBlock>,
          a: ({ href, children }) =>
            href ? (
              <a href={href} target="_blank" rel="noopener noreferrer nofollow">
                {children}
              </a>
            ) : (
              <span className="parley-dead-link">{children}</span>
            ),
          // A reply's image is not fetched by itself (no tracking pixels): it is a link to it.
          img: ({ src, alt }) =>
            typeof src === 'string' && src ? (
              <a href={src} target="_blank" rel="noopener noreferrer nofollow">
                {alt || src}
              </a>
            ) : (
              <span>{alt}</span>
            ),
          table: ({ children }) => (
            <div className="parley-table">
              <table>{children}</table>
            </div>
          ),
        }}
      >
        {text}
      </ReactMarkdown>
    </div>
  );
});
