import { useTranslation } from 'react-i18next';
import type { MatchSnapshot } from '@touchline/contract';
import { goalLine } from '../../lib/goal-line.ts';
import { useFreshGoals } from '../public/use-fresh-goals.ts';

/**
 * The latest goal that arrived live, for a few seconds: the same GOAL line as the match page (minute, scorer,
 * club), drawn large and animated. Keyed by the goal, so a second goal replays the animation.
 */
export function GoalBanner({ snapshot }: { snapshot: MatchSnapshot }) {
  const { t } = useTranslation();
  const fresh = useFreshGoals(snapshot.events);
  const goal = snapshot.events.find((e) => e.id === fresh.at(-1));
  if (!goal) return null;
  return (
    <p key={goal.id} className="ob-goal" data-testid="overlay-goal" role="status">
      {goalLine(t, snapshot, goal)}
    </p>
  );
}
