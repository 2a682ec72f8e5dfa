import type { LeaderboardAnswer, MyPredictionsAnswer, PredictionAnswer, PredictionBody } from '@touchline/contract';
import { api } from '../../lib/services.ts';

const id = (s: string) => encodeURIComponent(s);

/** The prediction routes of docs/protocol.md §4, over the app's one API client. */
export const predictionsApi = {
  get: (matchId: string) => api.request<PredictionAnswer>('GET', `/matches/${id(matchId)}/prediction`),
  put: (matchId: string, body: PredictionBody) =>
    api.request<PredictionAnswer>('PUT', `/matches/${id(matchId)}/prediction`, body),
  leaderboard: (seasonId: string) =>
    api.request<LeaderboardAnswer>('GET', `/seasons/${id(seasonId)}/predictions/leaderboard`),
  mine: () => api.request<MyPredictionsAnswer>('GET', '/me/predictions'),
};
