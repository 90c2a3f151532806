import ReactMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { ScrollRegion } from '@/components/ui/scroll-region';

/** No raw HTML, no `javascript:` links, and images as links, so an entry never makes the browser fetch a URL. */
const components: Components = {
  a: ({ href, children }) => (
    <a href={href} rel="noopener noreferrer nofollow" target="_blank" className="text-accent underline">
      {children}
    </a>
  ),
  img: ({ src, alt }) =>
    typeof src === 'string' && src ? (
      <a href={src} rel="noopener noreferrer nofollow" target="_blank" className="text-accent underline">
        [image: {alt || 'untitled'}]
      </a>
    ) : (
      <span>[image: {alt || 'untitled'}]</span>
    ),
  h1: ({ children }) => <h2 className="mt-6 text-xl font-semibold">{children}</h2>,
  h2: ({ children }) => <h3 className="mt-6 text-lg font-semibold">{children}</h3>,
  h3: ({ children }) => <h4 className="mt-4 font-semibold">{children}</h4>,
  p: ({ children }) => <p className="mt-3 leading-relaxed">{children}</p>,
  ul: ({ children }) => <ul className="mt-3 list-disc pl-6">{children}</ul>,
  ol: ({ children }) => <ol className="mt-3 list-decimal pl-6">{children}</ol>,
  blockquote: ({ children }) => (
    <blockquote className="mt-3 border-l-4 border-border pl-4 italic text-muted">{children}</blockquote>
  ),
  code: ({ children }) => <code className="rounded bg-card-muted px-1 font-mono text-sm">{children}</code>,
  pre: ({ children }) => (
    <ScrollRegion label="Code block" className="mt-3 overflow-x-auto rounded-lg bg-card-muted">
      <pre className="p-3">{children}</pre>
    </ScrollRegion>
  ),
  table: ({ children }) => <table className="mt-3 border-collapse text-sm">{children}</table>,
  th: ({ children }) => <th className="border border-border px-2 py-1 text-left">{children}</th>,
  td: ({ children }) => <td className="border border-border px-2 py-1">{children}</td>,
};

export function MarkdownBody({ markdown }: { markdown: string }) {
  return (
    <div className="max-w-prose break-words">
      <ReactMarkdown remarkPlugins={[remarkGfm]} skipHtml components={components}>
        {markdown}
      </ReactMarkdown>
    </div>
  );
}
