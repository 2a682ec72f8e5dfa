import { Fragment, type ReactNode } from 'react';
import { type NewsInline, parseNewsBody } from '@touchline/domain';

function inline(nodes: NewsInline[]): ReactNode[] {
  return nodes.map((n, i) => {
    switch (n.kind) {
      case 'text':
        return <Fragment key={i}>{n.text}</Fragment>;
      case 'break':
        return <br key={i} />;
      case 'bold':
        return <strong key={i}>{inline(n.children)}</strong>;
      case 'italic':
        return <em key={i}>{inline(n.children)}</em>;
      case 'link':
        // The parser lets only https through; the link leaves the app without handing it the page.
        return (
          <a key={i} href={n.href} rel="noopener noreferrer nofollow" target="_blank">
            {n.href}
          </a>
        );
    }
  });
}

/** A news body as React elements from the one parser (decision 040): text stays text, never HTML. */
export function NewsBody({ body }: { body: string }) {
  return (
    <div className="news-body">
      {parseNewsBody(body).map((p, i) => (
        <p key={i}>{inline(p)}</p>
      ))}
    </div>
  );
}
