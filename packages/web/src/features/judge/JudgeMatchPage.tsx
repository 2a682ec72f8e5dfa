import type { PageProps } from '../../routes.ts';
import { MatchDesk } from '../console/MatchDesk.tsx';

export default function JudgeMatchPage({ params }: PageProps) {
  return <MatchDesk matchId={params.matchId!} mode="judge" backTo="/judge" />;
}
