import type { StandingsRow } from '@touchline/contract';
import { h, type Node, SHARE } from './h.ts';
import { COLORS, frame, header } from './layout.ts';
import type { CardSize } from './render.ts';

export interface StandingsCardModel {
  title: string;
  subtitle: string;
  columns: { played: string; goals: string; points: string };
  rows: StandingsRow[];
}

/** The most rows each size shows legibly; a longer table is cut with its leaders kept. */
const ROWS: Record<CardSize, number> = { '1200x630': 10, '1080x1080': 16 };

/** A table snapshot: position, club, played, goals, points. */
export function standingsCard(m: StandingsCardModel, size: CardSize): Node {
  const square = size === '1080x1080';
  const font = square ? 30 : 26;
  const cells = (pos: string, club: string, played: string, goals: string, points: string, head = false) =>
    h(
      'div',
      {
        fontSize: head ? font - 6 : font,
        color: head ? COLORS.soft : COLORS.fg,
        paddingTop: 4,
        paddingBottom: 4,
        borderBottom: head ? `2px solid ${COLORS.soft}` : 'none',
      },
      h('div', { width: 56, justifyContent: 'flex-end', marginRight: 20 }, pos),
      h('div', { ...SHARE, overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis' }, club),
      h('div', { width: 80, justifyContent: 'flex-end' }, played),
      h('div', { width: 140, justifyContent: 'flex-end' }, goals),
      h(
        'div',
        { width: 90, justifyContent: 'flex-end', fontWeight: 700, color: head ? COLORS.soft : COLORS.accent },
        points,
      ),
    );
  return frame(
    size,
    header(m.title, m.subtitle, square),
    h(
      'div',
      { flexDirection: 'column', flex: 1, marginTop: 20 },
      cells('', '', m.columns.played, m.columns.goals, m.columns.points, true),
      ...m.rows
        .slice(0, ROWS[size])
        .map((r) =>
          cells(String(r.position), r.club.name, String(r.played), `${r.goalsFor}–${r.goalsAgainst}`, String(r.points)),
        ),
    ),
  );
}
