import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClubRef, CompetitionsAnswer, MatchSummary } from '@touchline/contract';
import { api } from '../../lib/services.ts';
import { useAsync } from '../../lib/use-async.ts';
import type { HeightMessage } from '../../embed/height.ts';
import {
  WIDGET_KINDS,
  WIDGET_SUBJECT,
  widgetSnippet,
  widgetUrl,
  type WidgetKind,
  type WidgetOptions,
} from '../../embed/options.ts';
import './locale.ts';
import './widgets.css';

/** What the page was opened for: `?club=`, `?season=` or `?match=` picks the subject and a widget that fits it. */
function startFrom(search: string): { kind: WidgetKind; ids: Record<'season' | 'club' | 'match', string> } {
  const q = new URLSearchParams(search);
  const ids = { season: q.get('season') ?? '', club: q.get('club') ?? '', match: q.get('match') ?? '' };
  const kind: WidgetKind = ids.match ? 'match' : ids.club && !ids.season ? 'club-fixtures' : 'standings';
  return { kind, ids };
}

/** The builder (decision 045): pick a widget and its look, see it live in a frame, copy the one-line snippet. */
export function WidgetBuilder() {
  const { t, i18n } = useTranslation();
  const start = useMemo(() => startFrom(location.search), []);
  const [kind, setKind] = useState<WidgetKind>(start.kind);
  const [ids, setIds] = useState(start.ids);
  const [options, setOptions] = useState<WidgetOptions>({
    lang: i18n.language === 'en' ? 'en' : 'ru',
    theme: 'light',
    accent: '#0b6e4f',
    compact: false,
  });
  const [copied, setCopied] = useState<string>();
  const competitions = useAsync(() => api.competitions(), []);
  const clubs = useAsync(() => api.request<{ clubs: ClubRef[] }>('GET', '/clubs'), []);
  const matches = useAsync(() => api.matches(), []);

  const [groupId, setGroupId] = useState('');
  const subject = WIDGET_SUBJECT[kind];
  const id = ids[subject];
  // A season played in groups may show one group's table.
  const standings = useAsync(
    () => (kind === 'standings' && id ? api.standings(id) : Promise.resolve(undefined)),
    [kind, id],
  );
  const groups = standings.data?.groups.filter((g) => g.groupId) ?? [];
  const group = groups.some((g) => g.groupId === groupId) ? groupId : undefined;
  const address = id ? { kind, id, ...(kind === 'standings' && group ? { groupId: group } : {}) } : undefined;
  const url = address && widgetUrl(location.origin, address, options);
  const snippet = address && widgetSnippet(location.origin, address, options);

  const frame = useRef<HTMLIFrameElement>(null);
  // The preview is sized by the widget's own height messages, as /embed.js sizes it on another site.
  useEffect(() => {
    const onMessage = (e: MessageEvent<HeightMessage>) => {
      if (e.origin !== location.origin || e.source !== frame.current?.contentWindow) return;
      if (e.data?.type === 'touchline:height' && typeof e.data.height === 'number')
        frame.current!.style.height = `${Math.ceil(e.data.height)}px`;
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(snippet!);
      setCopied(t('widgets.copied'));
    } catch {
      setCopied(t('widgets.copyFailed'));
    }
  };

  const seasons = (competitions.data as CompetitionsAnswer | undefined)?.competitions.flatMap((c) =>
    c.seasons.map((s) => ({ id: s.id, name: `${c.name} · ${s.name}` })),
  );
  const choices: Record<typeof subject, { id: string; name: string }[] | undefined> = {
    season: seasons,
    club: clubs.data?.clubs,
    match: matches.data?.matches.map((m: MatchSummary) => ({
      id: m.id,
      name: `${m.homeClub.shortName} – ${m.awayClub.shortName}, ${new Date(m.kickoffAt).toLocaleDateString(i18n.language)}`,
    })),
  };

  return (
    <div className="widget-builder">
      <p className="muted">{t('widgets.intro')}</p>
      <form className="card widget-form" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('widgets.kind')}
          <select value={kind} onChange={(e) => setKind(e.target.value as WidgetKind)} data-testid="widget-kind">
            {WIDGET_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`widgets.kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t(`widgets.${subject}`)}
          <select
            value={id}
            onChange={(e) => setIds({ ...ids, [subject]: e.target.value })}
            data-testid="widget-subject"
          >
            <option value="">{t('widgets.choose')}</option>
            {choices[subject]?.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        {groups.length > 1 && (
          <label>
            {t('widgets.group')}
            <select value={group ?? ''} onChange={(e) => setGroupId(e.target.value)} data-testid="widget-group">
              <option value="">{t('widgets.allGroups')}</option>
              {groups.map((g) => (
                <option key={g.groupId} value={g.groupId}>
                  {g.label ?? g.groupId}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {t('widgets.lang')}
          <select
            value={options.lang}
            onChange={(e) => setOptions({ ...options, lang: e.target.value === 'en' ? 'en' : 'ru' })}
          >
            <option value="ru">Русский</option>
            <option value="en">English</option>
          </select>
        </label>
        <fieldset>
          <legend>{t('widgets.theme')}</legend>
          {(['light', 'dark'] as const).map((theme) => (
            <label key={theme} className="checkbox">
              <input
                type="radio"
                name="widget-theme"
                checked={options.theme === theme}
                onChange={() => setOptions({ ...options, theme })}
              />
              {t(`widgets.${theme}`)}
            </label>
          ))}
        </fieldset>
        <label>
          {t('widgets.accent')}
          <input
            type="color"
            value={options.accent}
            onChange={(e) => setOptions({ ...options, accent: e.target.value })}
          />
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={options.compact}
            onChange={(e) => setOptions({ ...options, compact: e.target.checked })}
          />
          {t('widgets.compact')}
        </label>
      </form>
      {url && (
        <>
          <section className="card" aria-labelledby="widget-snippet-title">
            <h2 id="widget-snippet-title">{t('widgets.snippet')}</h2>
            <p className="muted" id="widget-snippet-hint">
              {t('widgets.snippetHint')}
            </p>
            <textarea
              readOnly
              value={snippet}
              rows={3}
              aria-labelledby="widget-snippet-title"
              aria-describedby="widget-snippet-hint"
              data-testid="widget-snippet"
            />
            <button type="button" className="primary" onClick={() => void copy()} data-testid="widget-copy">
              {t('widgets.copy')}
            </button>
            <p role="status">{copied}</p>
          </section>
          <section className="card" aria-labelledby="widget-preview-title">
            <h2 id="widget-preview-title">{t('widgets.preview')}</h2>
            <iframe
              ref={frame}
              key={url}
              src={url}
              title={t('widgets.previewTitle')}
              className="widget-preview"
              data-testid="widget-preview"
            />
          </section>
        </>
      )}
    </div>
  );
}
