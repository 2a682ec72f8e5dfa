import type { EventType } from '@touchline/contract';

/** A ball: the goal types share it, with a mark that tells them apart. */
const ball = <circle cx="12" cy="12" r="8" fill="none" stroke="currentColor" strokeWidth="2" />;
const card = (x: number, fill: string) => (
  <rect x={x} y="4" width="9" height="14" rx="1.5" fill={fill} stroke="#1b1b1b" strokeWidth="1" />
);

/**
 * Drawn inline, so a phone without a colour-emoji font shows the same picture (docs/decisions/038-one-screen-console.md).
 * Decorative: the button or line beside it says the event in words.
 */
const SHAPES: Record<EventType, React.ReactNode> = {
  goal: (
    <>
      {ball}
      <path d="M12 8l3 2-1 4h-4l-1-4z" fill="currentColor" />
    </>
  ),
  penalty_goal: (
    <>
      {ball}
      <text x="12" y="16" textAnchor="middle" fontSize="10" fontWeight="700" fill="currentColor">
        P
      </text>
    </>
  ),
  own_goal: (
    <>
      {ball}
      <path d="M16 12H8m3-3l-3 3 3 3" fill="none" stroke="currentColor" strokeWidth="2" />
    </>
  ),
  penalty_missed: (
    <>
      {ball}
      <path d="M8 8l8 8M16 8l-8 8" stroke="currentColor" strokeWidth="2" />
    </>
  ),
  yellow_card: card(7.5, '#f2c200'),
  second_yellow: (
    <>
      {card(4, '#f2c200')}
      {card(11, '#d0021b')}
    </>
  ),
  red_card: card(7.5, '#d0021b'),
  substitution: (
    <path d="M4 8h13l-3-3M20 16H7l3 3" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
  ),
  shootout_kick: (
    <>
      {ball}
      <circle cx="12" cy="12" r="2.5" fill="currentColor" />
    </>
  ),
  comment: (
    <path d="M4 5h16v10H10l-4 4v-4H4z" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" />
  ),
};

export function EventIcon({ type }: { type: EventType }) {
  return (
    <svg className="event-icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
      {SHAPES[type]}
    </svg>
  );
}
