import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type NewsInline, newsPlainText, newsTelegramHtml, parseNewsBody } from '../src/index.ts';

const text = (t: string) => ({ kind: 'text', text: t });

describe('news body markup: one parser, a small tree', () => {
  it.each([
    ['plain', 'Hello', [[text('Hello')]]],
    ['paragraphs on blank lines', 'One\n\nTwo\n \nThree', [[text('One')], [text('Two')], [text('Three')]]],
    ['a line break inside a paragraph', 'One\nTwo', [[text('One'), { kind: 'break' }, text('Two')]]],
    ['Windows line ends', 'One\r\n\r\nTwo', [[text('One')], [text('Two')]]],
    ['bold', 'a **b** c', [[text('a '), { kind: 'bold', children: [text('b')] }, text(' c')]]],
    ['italic', '*i*', [[{ kind: 'italic', children: [text('i')] }]]],
    [
      'italic inside bold',
      '**a *b* c**',
      [[{ kind: 'bold', children: [text('a '), { kind: 'italic', children: [text('b')] }, text(' c')] }]],
    ],
    ['an unclosed star is a star', '2 * 3 and **open', [[text('2 * 3 and **open')]]],
    ['marks never span lines', '**a\nb**', [[text('**a'), { kind: 'break' }, text('b**')]]],
    ['an empty pair is text', '****', [[text('****')]]],
    [
      'an https link, the full stop left out',
      'See https://example.org/a?b=1.',
      [[text('See '), { kind: 'link', href: 'https://example.org/a?b=1' }, text('.')]],
    ],
    ['http is not a link', 'http://example.org', [[text('http://example.org')]]],
    ['javascript: is not a link', 'javascript:alert(1)', [[text('javascript:alert(1)')]]],
    ['a link stops at an angle bracket', 'https://x.org<b>', [[{ kind: 'link', href: 'https://x.org' }, text('<b>')]]],
    ['no link inside a word', 'xhttps://x.org', [[text('xhttps://x.org')]]],
    ['a bare scheme is text', 'https://', [[text('https://')]]],
    ['HTML stays text', '<script>window.pwned=1</script>', [[text('<script>window.pwned=1</script>')]]],
    ['nothing', '\n\n  \n', []],
  ])('%s', (_name, body, tree) => {
    expect(parseNewsBody(body)).toEqual(tree);
  });

  it('reads as plain text without the marks', () => {
    expect(newsPlainText('**Big** *win*\nsee https://x.org\n\nNext')).toBe('Big win\nsee https://x.org\n\nNext');
  });

  it.each([
    ['**a** & *b*', '<b>a</b> &amp; <i>b</i>'],
    ['<script>x</script>', '&lt;script&gt;x&lt;/script&gt;'],
    ['<img src=x onerror="y">', '&lt;img src=x onerror=&quot;y&quot;&gt;'],
    ['https://x.org/?a=1&b=2', '<a href="https://x.org/?a=1&amp;b=2">https://x.org/?a=1&amp;b=2</a>'],
    ['one\ntwo\n\nthree', 'one\ntwo\n\nthree'],
  ])('Telegram HTML of %j is %j', (body, html) => {
    expect(newsTelegramHtml(body)).toBe(html);
  });
});

/** Bodies built from the pieces that matter: marks, links, markup, line breaks and any other text. */
const body = fc
  .array(
    fc.oneof(
      fc.constantFrom('**', '*', '\n', '\n\n', 'https://', 'https://x.org/a', 'javascript:', '<', '>', '&', '"', ' '),
      fc.constantFrom('<script>', '</b>', '<a href="x">', 'onerror=', '<img src=x>'),
      fc.string({ maxLength: 8 }),
    ),
    { maxLength: 30 },
  )
  .map((xs) => xs.join(''));

const links = (xs: NewsInline[]): string[] =>
  xs.flatMap((x) => (x.kind === 'link' ? [x.href] : x.kind === 'bold' || x.kind === 'italic' ? links(x.children) : []));

describe('news body markup: properties', () => {
  it('links only https addresses without spaces, quotes or angle brackets', () => {
    fc.assert(
      fc.property(body, (b) => {
        for (const href of parseNewsBody(b).flatMap(links)) expect(href).toMatch(/^https:\/\/[^\s<>"'`]+$/);
      }),
    );
  });

  it('makes no Telegram HTML but its own b, i and a tags', () => {
    fc.assert(
      fc.property(body, (b) => {
        const ours = /<\/?b>|<\/?i>|<a href="https:\/\/[^"<>]*">|<\/a>/g;
        expect(newsTelegramHtml(b).replace(ours, '')).not.toMatch(/[<>]/);
      }),
    );
  });

  it('keeps every letter of the text: the plain text is the body without its marks', () => {
    fc.assert(
      fc.property(body, (b) => {
        const letters = (s: string) => s.replace(/[*\s]/g, '');
        expect(letters(newsPlainText(b))).toBe(letters(b));
      }),
    );
  });
});
