import { type CSSProperties, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PageProps } from '../../lib/router.tsx';
import { matchTitle } from '../../lib/match-title.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useMatchSnapshot } from '../public/use-match-snapshot.ts';
import { CardNotices } from './CardNotices.tsx';
import { GoalBanner } from './GoalBanner.tsx';
import { parseOverlayParams } from './overlay-params.ts';
import { ScoreBug } from './ScoreBug.tsx';
import { ShootoutTally } from './ShootoutTally.tsx';
import { useClubColours } from './use-club-colours.ts';
import './overlay.css';

/**
 * `/overlay/match/:id`: a match for a streaming program's browser source, over a transparent page. Kept live by the
 * match page's own snapshot hook (REST, then the realtime topic, resumed or re-sent after a reconnect).
 */
export default function OverlayPage({ params }: PageProps) {
  const { t, i18n } = useTranslation();
  const settings = useMemo(() => parseOverlayParams(location.search), []);
  const { snapshot, error } = useMatchSnapshot(params.id!);
  const colours = useClubColours([snapshot?.match.homeClub, snapshot?.match.awayClub]);
  useDocumentTitle(snapshot && matchTitle(snapshot.match));

  // The app's background and page margins give way to the stream behind (overlay.css, under this attribute).
  useEffect(() => {
    const root = document.documentElement;
    root.dataset.overlay = '';
    return () => {
      delete root.dataset.overlay;
    };
  }, []);
  // The URL's language is for this page only: the viewer's stored choice for the app stays as it was.
  useEffect(() => {
    if (!settings.lang) return;
    document.documentElement.lang = settings.lang;
    void i18n.changeLanguage(settings.lang);
  }, [settings.lang, i18n]);

  return (
    <main id="main" className={`ob-frame ob-${settings.position}`} aria-label={t('overlay.label')}>
      <div className="ob-stack" style={{ '--ob-scale': settings.scale } as CSSProperties}>
        {snapshot ? (
          <>
            <h1 className="visually-hidden">{matchTitle(snapshot.match)}</h1>
            <ScoreBug match={snapshot.match} colours={colours} />
            <ShootoutTally snapshot={snapshot} />
            {settings.goal && <GoalBanner snapshot={snapshot} />}
            <CardNotices snapshot={snapshot} />
          </>
        ) : (
          error && (
            <p className="ob-error" role="alert">
              {t('overlay.unavailable')}
            </p>
          )
        )}
      </div>
    </main>
  );
}
