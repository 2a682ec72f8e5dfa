import type { Notice, NoticeItem } from '../notify/deliver.ts';
import type { Locale } from './texts.ts';

const words = {
  ru: {
    live: 'Матч идёт',
    halfTime: 'Перерыв',
    fullTime: 'Матч завершён',
    result: 'Итог',
    pens: 'пен.',
    lineups: 'Составы опубликованы',
    reminder: (min: number) => `Начало через ${min} мин`,
    ownGoal: 'автогол',
    penalty: 'пенальти',
  },
  en: {
    live: 'Live',
    halfTime: 'Half-time',
    fullTime: 'Full time',
    result: 'Result',
    pens: 'pens',
    lineups: 'Lineups are out',
    reminder: (min: number) => `Kick-off in ${min} min`,
    ownGoal: 'own goal',
    penalty: 'penalty',
  },
} satisfies Record<Locale, unknown>;

type Goal = Extract<NoticeItem, { kind: 'goal' }>;
type RedCard = Extract<NoticeItem, { kind: 'red_card' }>;
type Scorer = { side: 'home' | 'away'; minute: number; name?: string; type: string };

function scoreLine(m: Notice['match'], locale: Locale): string {
  const pens = m.shootout ? ` (${words[locale].pens} ${m.shootout.home}:${m.shootout.away})` : '';
  return `${m.home} ${m.score.home}:${m.score.away} ${m.away}${pens}`;
}

function goalLine(g: Scorer, m: Notice['match'], locale: Locale): string {
  const club = g.side === 'home' ? m.home : m.away;
  const how = g.type === 'own_goal' ? words[locale].ownGoal : g.type === 'penalty_goal' ? words[locale].penalty : '';
  const notes = [g.name ? club : '', how].filter(Boolean);
  return `⚽ ${g.minute}' ${g.name ?? club}${notes.length ? ` (${notes.join(', ')})` : ''}`;
}

function redLine(r: RedCard, m: Notice['match']): string {
  const club = r.side === 'home' ? m.home : m.away;
  return `🟥 ${r.minute}' ${r.player ? `${r.player} (${club})` : club}`;
}

/**
 * The league channel's post of a match (docs/decisions/036): one message, edited as the match goes, with the score
 * now and every goal and red card told so far. `told` is what earlier notices said, oldest first; a correction in
 * them or in `now` takes back what it names. Plain text: names are never markup.
 */
export function matchPost(told: Notice[], now: Notice, locale: Locale): string {
  const goals: Goal[] = [];
  const reds: RedCard[] = [];
  let status = words[locale].live;
  for (const item of [...told, now].flatMap((n) => n.items)) {
    if (item.kind === 'goal' && !goals.some((g) => g.eventId === item.eventId)) goals.push(item);
    if (item.kind === 'red_card' && !reds.some((r) => r.eventId === item.eventId)) reds.push(item);
    if (item.kind === 'half_time') status = words[locale].halfTime;
    if (item.kind === 'full_time') status = words[locale].fullTime;
    if (item.kind === 'correction') {
      for (const gone of item.removed) {
        const list: (Goal | RedCard)[] = gone.kind === 'goal' ? goals : gone.kind === 'red_card' ? reds : [];
        const at = list.findIndex((x) => x.minute === gone.minute && x.side === gone.side);
        if (at >= 0) list.splice(at, 1);
      }
    }
  }
  const events = [
    ...goals.map((g) => ({ minute: g.minute, line: goalLine({ ...g, name: g.scorer }, now.match, locale) })),
    ...reds.map((r) => ({ minute: r.minute, line: redLine(r, now.match) })),
  ].sort((a, b) => a.minute - b.minute);
  return [scoreLine(now.match, locale), `${now.match.competition} · ${status}`, ...events.map((e) => e.line)].join(
    '\n',
  );
}

/** The full-time post: the result and its scorers, a message of its own. */
export function resultPost(now: Notice, scorers: Scorer[], locale: Locale): string {
  const lines = [...scorers].sort((a, b) => a.minute - b.minute).map((s) => goalLine(s, now.match, locale));
  return [`${words[locale].result}: ${scoreLine(now.match, locale)}`, now.match.competition, ...lines].join('\n');
}

export function lineupsPost(now: Notice, locale: Locale): string {
  return `${words[locale].lineups}: ${now.match.home} – ${now.match.away}\n${now.match.competition}`;
}

export function reminderPost(now: Notice, minutesBefore: number, locale: Locale): string {
  return `${words[locale].reminder(minutesBefore)}: ${now.match.home} – ${now.match.away}\n${now.match.competition}`;
}
