import type { PageProps } from '../../lib/router.tsx';
import { MatchDesk } from '../console/MatchDesk.tsx';

export default function JudgeMatchPage({ params }: PageProps) {
  return <MatchDesk matchId={params.matchId!} mode="judge" backTo="/judge" />;
}
