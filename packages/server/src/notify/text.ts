import type { Notice, NoticeItem } from './deliver.ts';

type Locale = 'ru' | 'en';
type Side = 'home' | 'away';
type Score = { home: number; away: number };

const WORDS = {
  ru: {
    kickoff: 'Матч начался',
    goal: 'Гол',
    red: 'Удаление',
    halfTime: 'Перерыв',
    fullTime: 'Матч окончен',
    penalties: 'пенальти',
    lineups: 'Составы опубликованы',
    reminder: (m: number) => `Начало через ${m} мин`,
    scorers: 'Голы',
    correction: 'Поправка',
    cancelledGoal: 'гол отменён',
    cancelledRed: 'удаление отменено',
    scoreNow: 'Счёт',
    type: { penalty_goal: 'пен.', own_goal: 'автогол' } as Record<string, string>,
  },
  en: {
    kickoff: 'Kick-off',
    goal: 'Goal',
    red: 'Red card',
    halfTime: 'Half-time',
    fullTime: 'Full time',
    penalties: 'penalties',
    lineups: 'Lineups are out',
    reminder: (m: number) => `Kick-off in ${m} min`,
    scorers: 'Goals',
    correction: 'Correction',
    cancelledGoal: 'goal ruled out',
    cancelledRed: 'red card withdrawn',
    scoreNow: 'Score',
    type: { penalty_goal: 'pen.', own_goal: 'o.g.' } as Record<string, string>,
  },
};

const score = (s: Score) => `${s.home}:${s.away}`;
const typeNote = (w: (typeof WORDS)[Locale], type: string) => (w.type[type] ? ` (${w.type[type]})` : '');

/** The score right after each goal of the window: the notice's score less the window's later goals. */
function scoresAfterGoals(notice: Notice): Map<NoticeItem, Score> {
  const after = new Map<NoticeItem, Score>();
  let running = { ...notice.match.score };
  for (const item of [...notice.items].reverse()) {
    if (item.kind !== 'goal') continue;
    after.set(item, running);
    running = { ...running, [item.side]: Math.max(0, running[item.side] - 1) };
  }
  return after;
}

function line(notice: Notice, item: NoticeItem, w: (typeof WORDS)[Locale], goalScores: Map<NoticeItem, Score>) {
  const club = (side: Side) => (side === 'home' ? notice.match.home : notice.match.away);
  const { score: now, shootout } = notice.match;
  switch (item.kind) {
    case 'kickoff':
      return w.kickoff;
    case 'goal':
      return `⚽ ${item.minute}' ${w.goal}! ${club(item.side)}${item.scorer ? `: ${item.scorer}` : ''}${typeNote(w, item.type)} — ${score(goalScores.get(item)!)}`;
    case 'red_card':
      return `🟥 ${item.minute}' ${w.red}: ${club(item.side)}${item.player ? `, ${item.player}` : ''}`;
    case 'half_time':
      return `${w.halfTime} ${score(now)}`;
    case 'full_time': {
      const pens = shootout ? ` (${w.penalties} ${score(shootout)})` : '';
      const scorers = item.scorers.map((s) => `${s.name ?? club(s.side)} ${s.minute}'${typeNote(w, s.type)}`);
      const result = `${w.fullTime}: ${notice.match.home} ${score(now)} ${notice.match.away}${pens}`;
      return scorers.length ? `${result}\n${w.scorers}: ${scorers.join(', ')}` : result;
    }
    case 'lineups':
      return w.lineups;
    case 'reminder':
      return w.reminder(item.minutesBefore);
    case 'correction': {
      const what = item.removed.map(
        (r) => `${r.minute}' ${club(r.side)} — ${r.kind === 'goal' ? w.cancelledGoal : w.cancelledRed}`,
      );
      return `${w.correction}: ${what.join('; ')}. ${w.scoreNow} ${score(now)}`;
    }
  }
}

/**
 * A notice as text in the recipient's language: the match as title, a line per item they chose to hear about
 * (a correction names only the kinds they chose). Null when nothing is left. Names stay plain text: a deliverer that
 * formats (HTML) escapes them.
 */
export function renderNotice(
  notice: Notice,
  locale: Locale,
  kinds: readonly string[],
): { title: string; lines: string[] } | null {
  const w = WORDS[locale];
  const goalScores = scoresAfterGoals(notice);
  const chosen = notice.items.flatMap((item): NoticeItem[] => {
    if (item.kind !== 'correction') return kinds.includes(item.kind) ? [item] : [];
    const removed = item.removed.filter((r) => kinds.includes(r.kind));
    return removed.length ? [{ ...item, removed }] : [];
  });
  if (chosen.length === 0) return null;
  return {
    title: `${notice.match.home} — ${notice.match.away}`,
    lines: chosen.map((item) => line(notice, item, w, goalScores)),
  };
}
