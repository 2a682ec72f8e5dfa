import { useTranslation } from 'react-i18next';
import { Link } from '../../lib/router.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { ErrorNote, Loading } from '../../ui/Feedback.tsx';
import { predictionsApi } from './predictions-api.ts';
import './predictions.css';

/** The signed-in fan's record: totals, streak, achievements and every prediction, newest first. */
export default function MyPredictionsPage() {
  const { t } = useTranslation();
  const mine = useAsync(() => predictionsApi.mine(), []);
  if (mine.error) return <ErrorNote error={mine.error} onRetry={mine.reload} />;
  if (!mine.data) return <Loading />;
  const { totals, streak, achievements, history } = mine.data;
  return (
    <div className="season">
      <h1>{t('predictions.mine')}</h1>
      <p data-testid="my-totals">
        {t('predictions.totals', { points: totals.points, correct: totals.correct, predicted: totals.predicted })}
      </p>
      <p>{t('predictions.streak', { current: streak.current, best: streak.best })}</p>
      <section aria-labelledby="achievements-title">
        <h2 id="achievements-title">{t('predictions.achievementsTitle')}</h2>
        {achievements.length ? (
          <ul>
            {achievements.map((a) => (
              <li key={a.kind}>{t(`predictions.achievement.${a.kind}`)}</li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('predictions.noAchievements')}</p>
        )}
      </section>
      <section aria-labelledby="history-title">
        <h2 id="history-title">{t('predictions.historyTitle')}</h2>
        {history.length === 0 && <p className="muted">{t('predictions.noHistory')}</p>}
        <ul className="prediction-history">
          {history.map(({ match, prediction }) => (
            <li key={match.id}>
              <Link to={`/matches/${match.id}`}>
                {match.homeClub.name} {match.score.home}:{match.score.away} {match.awayClub.name}
              </Link>{' '}
              <span className="muted">
                {prediction.settledAt
                  ? t('predictions.points', { count: prediction.points ?? 0 })
                  : t('predictions.pending')}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
