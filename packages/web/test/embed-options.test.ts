import { describe, expect, it } from 'vitest';
import type { MatchSummary } from '@touchline/contract';
import {
  parseAccent,
  parseWidgetOptions,
  parseWidgetPath,
  widgetSnippet,
  widgetUrl,
  type WidgetAddress,
} from '../src/embed/options.ts';
import { nearMatches } from '../src/embed/widgets/fixtures.ts';
import { stripMatch } from '../src/embed/widgets/club-live.ts';
import { upsertMatch } from '../src/embed/context.ts';
import { scoreText } from '../src/embed/format.ts';

describe('widget addresses', () => {
  it.each([
    ['/embed/standings/12', '?groupId=4', { kind: 'standings', id: '12', groupId: '4' }],
    ['/embed/standings/12', '?groupId=x', { kind: 'standings', id: '12' }],
    ['/embed/club/3/fixtures', '', { kind: 'club-fixtures', id: '3' }],
    ['/embed/season/5/fixtures/', '?groupId=4', { kind: 'season-fixtures', id: '5' }],
    ['/embed/club/3/live', '', { kind: 'club-live', id: '3' }],
    ['/embed/match/77', '', { kind: 'match', id: '77' }],
    ['/embed/match/0', '', undefined],
    ['/embed/match/7/x', '', undefined],
    ['/embed/club/3', '', undefined],
  ])('%s%s', (path, search, expected) => {
    expect(parseWidgetPath(path, search)).toEqual(expected);
  });

  it.each([
    ['#0B6E4F', '#0b6e4f'],
    ['0b6e4f', '#0b6e4f'],
    ['#abc', '#aabbcc'],
    ['red', undefined],
    ['#12345', undefined],
    ['#123456;background:url(x)', undefined],
    ['', undefined],
  ])('accent %s', (raw, expected) => {
    expect(parseAccent(raw)).toBe(expected);
  });

  it('reads options with defaults for anything unknown', () => {
    expect(parseWidgetOptions('')).toEqual({ lang: 'ru', theme: 'light', compact: false });
    expect(parseWidgetOptions('?lang=en&theme=dark&accent=f00&compact=1')).toEqual({
      lang: 'en',
      theme: 'dark',
      accent: '#ff0000',
      compact: true,
    });
    expect(parseWidgetOptions('?lang=de&theme=pink&accent=url(x)&compact=yes')).toEqual({
      lang: 'ru',
      theme: 'light',
      compact: false,
    });
  });

  it('writes addresses that read back as the same widget and options', () => {
    const a: WidgetAddress = { kind: 'standings', id: '12', groupId: '4' };
    const o = { lang: 'en', theme: 'dark', accent: '#AbC', compact: true } as const;
    const url = new URL(widgetUrl('https://league.example', a, o));
    expect(url.pathname).toBe('/embed/standings/12');
    expect(parseWidgetPath(url.pathname, url.search)).toEqual(a);
    expect(parseWidgetOptions(url.search)).toEqual({ ...o, accent: '#aabbcc' });
    expect(widgetUrl('', { kind: 'club-live', id: '3' }, { lang: 'ru', theme: 'light', compact: false })).toBe(
      '/embed/club/3/live',
    );
  });

  it('writes a one-line snippet for /embed.js', () => {
    expect(
      widgetSnippet(
        'https://league.example',
        { kind: 'standings', id: '12', groupId: '4' },
        { lang: 'en', theme: 'light', compact: false },
      ),
    ).toBe(
      '<script src="https://league.example/embed.js" data-widget="standings" data-season="12" data-group="4" data-lang="en" async></script>',
    );
  });
});

const m = (id: string, status: MatchSummary['status']) => ({ id, status }) as MatchSummary;

describe('which matches a widget shows', () => {
  const list = [m('1', 'finished'), m('2', 'finished'), m('3', 'live'), m('4', 'scheduled'), m('5', 'scheduled')];
  it('keeps the latest results, every live match and the next fixtures', () => {
    expect(nearMatches(list, 1).map((x) => x.id)).toEqual(['2', '3', '4']);
  });
  it('puts the live match on the strip, else the next one, else the last result', () => {
    expect(stripMatch(list)?.id).toBe('3');
    expect(stripMatch(list.filter((x) => x.status !== 'live'))?.id).toBe('4');
    expect(stripMatch(list.slice(0, 2))?.id).toBe('2');
    expect(stripMatch([])).toBeUndefined();
  });
});

describe('keeping a widget’s match list', () => {
  const at = (id: string, kickoffAt: string) => ({ id, kickoffAt, status: 'scheduled' }) as MatchSummary;
  it('puts a newer copy in place, in kick-off order, and drops a deleted fixture', () => {
    let list = [at('1', '2026-12-01T10:00:00Z'), at('2', '2026-12-02T10:00:00Z')];
    list = upsertMatch(list, { ...at('1', '2026-12-03T10:00:00Z'), status: 'postponed' });
    expect(list.map((m) => [m.id, m.status])).toEqual([
      ['2', 'scheduled'],
      ['1', 'postponed'],
    ]);
    expect(upsertMatch(list, undefined, '2').map((m) => m.id)).toEqual(['1']);
  });

  it('writes the score only once the match has started, with the shootout when there was one', () => {
    const base = { score: { home: 2, away: 1 } } as MatchSummary;
    expect(scoreText({ ...base, status: 'scheduled' })).toBe('–');
    expect(scoreText({ ...base, status: 'live' })).toBe('2 : 1');
    expect(scoreText({ ...base, status: 'finished', shootout: { home: 4, away: 3 } })).toBe('2 : 1 (4 : 3)');
  });
});
