import type { PageProps } from '../../lib/router.tsx';
import { MatchDesk } from './MatchDesk.tsx';

export default function ConsoleMatchPage({ params }: PageProps) {
  return <MatchDesk matchId={params.matchId!} mode="operator" backTo="/console" />;
}
