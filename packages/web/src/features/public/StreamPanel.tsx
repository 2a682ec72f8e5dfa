import { useTranslation } from 'react-i18next';
import type { MatchSummary } from '@touchline/contract';
import { streamLink } from '@touchline/domain';
import './motm.css';

/**
 * The match's video (decision 042): the provider's player, 16:9 and loaded lazily, where the link names one video or
 * channel; otherwise, and always beside it, a link that opens the video in a new tab.
 */
export function StreamPanel({ match }: { match: MatchSummary }) {
  const { t } = useTranslation();
  // The same rule the server stored the link by; Twitch plays only inside the page host it is given.
  const link = match.streamUrl ? streamLink(match.streamUrl, window.location.hostname) : undefined;
  if (!link) return null;
  const provider = t(`stream.provider.${link.provider}`);
  return (
    <section className="stream" aria-labelledby="stream-title" data-testid="stream-panel">
      <h2 id="stream-title">{t('stream.title')}</h2>
      {link.embedUrl && (
        <div className="stream-frame">
          <iframe
            src={link.embedUrl}
            title={t('stream.player', { provider })}
            loading="lazy"
            allow="encrypted-media; picture-in-picture; fullscreen"
            allowFullScreen
            referrerPolicy="strict-origin-when-cross-origin"
            sandbox="allow-scripts allow-same-origin allow-presentation allow-popups allow-popups-to-escape-sandbox"
          />
        </div>
      )}
      <a className="stream-link" href={link.url} target="_blank" rel="noopener noreferrer">
        {t('stream.open', { provider })}
      </a>
    </section>
  );
}
