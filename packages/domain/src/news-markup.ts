/**
 * A news item's body is plain text with a little markup (decision 040): paragraphs (blank lines), line breaks,
 * `**bold**`, `*italic*` and bare https links. It is parsed here, once, into a small tree; the web renders the tree as
 * React elements and the Telegram post as escaped HTML, so no stored text is ever markup itself.
 */
export type NewsInline =
  | { kind: 'text'; text: string }
  | { kind: 'bold'; children: NewsInline[] }
  | { kind: 'italic'; children: NewsInline[] }
  | { kind: 'link'; href: string }
  | { kind: 'break' };

export type NewsParagraph = NewsInline[];

/** A bare link: https only, up to whitespace or an angle bracket or quote; trailing punctuation is the sentence's. */
const LINK = /^https:\/\/[^\s<>"'`]+/;
const TRAILING = /[.,;:!?)\]]+$/;

type Mark = 'bold' | 'italic';

/** Text up to the closing delimiter, or undefined when the line holds none (the star is then literal). */
function closing(line: string, from: number, delimiter: string): number | undefined {
  const end = line.indexOf(delimiter, from);
  return end > from ? end : undefined;
}

function parseLine(line: string, inside: readonly Mark[] = []): NewsInline[] {
  const out: NewsInline[] = [];
  let text = '';
  const flush = () => {
    if (text) out.push({ kind: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < line.length) {
    const rest = line.slice(i);
    const bold = rest.startsWith('**') && !inside.includes('bold') ? closing(line, i + 2, '**') : undefined;
    if (bold !== undefined) {
      flush();
      out.push({ kind: 'bold', children: parseLine(line.slice(i + 2, bold), [...inside, 'bold']) });
      i = bold + 2;
      continue;
    }
    const italic =
      rest.startsWith('*') && !rest.startsWith('**') && !inside.includes('italic')
        ? closing(line, i + 1, '*')
        : undefined;
    if (italic !== undefined && line[italic + 1] !== '*') {
      flush();
      out.push({ kind: 'italic', children: parseLine(line.slice(i + 1, italic), [...inside, 'italic']) });
      i = italic + 1;
      continue;
    }
    const link = /[\p{L}\p{N}]/u.test(line[i - 1] ?? '') ? null : LINK.exec(rest);
    if (link) {
      const href = link[0].replace(TRAILING, '');
      if (href.length > 'https://'.length) {
        flush();
        out.push({ kind: 'link', href });
        i += href.length;
        continue;
      }
    }
    text += line[i];
    i += 1;
  }
  flush();
  return out;
}

/** The body as paragraphs of inline pieces; marks never span lines, so a stray star stays a star. */
export function parseNewsBody(body: string): NewsParagraph[] {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/^\n+|\n+$/g, ''))
    .filter((p) => p.trim() !== '')
    .map((p) => p.split('\n').flatMap((line, n) => [...(n ? [{ kind: 'break' } as const] : []), ...parseLine(line)]));
}

/** The body without its markup: for previews and the page's description. */
export function newsPlainText(body: string): string {
  const flat = (xs: NewsInline[]): string =>
    xs
      .map((x) =>
        x.kind === 'text' ? x.text : x.kind === 'link' ? x.href : x.kind === 'break' ? '\n' : flat(x.children),
      )
      .join('');
  return parseNewsBody(body).map(flat).join('\n\n');
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The tree as Telegram's HTML (parse_mode HTML): every piece of text escaped, only b, i and a made here. */
export function newsTelegramHtml(body: string): string {
  const inline = (xs: NewsInline[]): string =>
    xs
      .map((x) => {
        if (x.kind === 'text') return escapeHtml(x.text);
        if (x.kind === 'break') return '\n';
        if (x.kind === 'link') return `<a href="${escapeHtml(x.href)}">${escapeHtml(x.href)}</a>`;
        const tag = x.kind === 'bold' ? 'b' : 'i';
        return `<${tag}>${inline(x.children)}</${tag}>`;
      })
      .join('');
  return parseNewsBody(body).map(inline).join('\n\n');
}

/** A title or any other plain text for Telegram's HTML. */
export const telegramText = escapeHtml;
