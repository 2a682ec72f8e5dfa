import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MatchSummary, NewsItem } from '@touchline/contract';
import { NEWS_BODY_MAX, NEWS_TITLE_MAX } from '@touchline/contract/constants';
import type { AdminClub } from '../../lib/admin-api.ts';
import { formatKickoff } from '../../lib/time.ts';
import { NewsBody } from '../public/NewsBody.tsx';
import { Field } from './Field.tsx';
import { FormFooter } from './FormFooter.tsx';
import { newsApi } from './news-api.ts';
import { submitting, useAction } from './use-action.ts';

interface Draft {
  title: string;
  body: string;
  clubIds: string[];
  matchId: string;
  postToChannel: boolean;
}

const draftOf = (item: NewsItem | undefined): Draft => ({
  title: item?.title ?? '',
  body: item?.body ?? '',
  clubIds: item?.clubs.map((c) => c.id) ?? [],
  matchId: item?.match?.id ?? '',
  postToChannel: item?.postToChannel ?? false,
});

/** The news editor: title, body with its preview, clubs, match, cover and the league channel switch. */
export function NewsForm({
  item,
  clubs,
  matches,
  onSaved,
  onRemoved,
  onCancel,
}: {
  item: NewsItem | undefined;
  clubs: AdminClub[];
  matches: MatchSummary[];
  onSaved: (item: NewsItem) => void;
  onRemoved: (id: string) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<Draft>(() => draftOf(item));
  const [cover, setCover] = useState<File>();
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  const save = useAction(async () => {
    const body = { ...draft, matchId: draft.matchId || null };
    let saved = item ? (await newsApi.update(item.id, body)).news : (await newsApi.create(body)).news;
    if (cover) saved = (await newsApi.putCover(saved.id, cover)).news;
    setCover(undefined);
    onSaved(saved);
    return t('admin.common.saved');
  });
  const remove = useAction(async () => {
    if (!item) return;
    await newsApi.remove(item.id);
    onRemoved(item.id);
  });
  const dropCover = useAction(async () => {
    if (item) onSaved((await newsApi.removeCover(item.id)).news);
  });
  const toggleClub = (id: string, on: boolean) =>
    set({ clubIds: on ? [...draft.clubIds, id] : draft.clubIds.filter((c) => c !== id) });

  return (
    <form className="card news-form" onSubmit={submitting(save)} data-testid="news-form">
      <h2>{item ? t('admin.news.edit') : t('admin.news.new')}</h2>
      <Field label={t('admin.news.titleField')}>
        <input
          value={draft.title}
          onChange={(e) => set({ title: e.target.value })}
          required
          maxLength={NEWS_TITLE_MAX}
          data-testid="news-title"
        />
      </Field>
      <Field label={t('admin.news.body')} hint={t('admin.news.bodyHint')}>
        <textarea
          value={draft.body}
          onChange={(e) => set({ body: e.target.value })}
          required
          rows={8}
          maxLength={NEWS_BODY_MAX}
          data-testid="news-body"
        />
      </Field>
      {draft.body.trim() && (
        <section className="news-preview-box" aria-label={t('admin.news.preview')}>
          <h3>{t('admin.news.preview')}</h3>
          <NewsBody body={draft.body} />
        </section>
      )}
      <fieldset>
        <legend>{t('admin.news.clubs')}</legend>
        <div className="news-club-choices">
          {clubs.map((c) => (
            <label key={c.id} className="checkbox">
              <input
                type="checkbox"
                checked={draft.clubIds.includes(c.id)}
                onChange={(e) => toggleClub(c.id, e.target.checked)}
              />{' '}
              {c.name}
            </label>
          ))}
        </div>
      </fieldset>
      <Field label={t('admin.news.match')}>
        <select value={draft.matchId} onChange={(e) => set({ matchId: e.target.value })}>
          <option value="">{t('admin.news.noMatch')}</option>
          {matches.map((m) => (
            <option key={m.id} value={m.id}>
              {m.homeClub.name} — {m.awayClub.name}, {formatKickoff(m.kickoffAt, i18n.language)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('admin.news.cover')} hint={t('admin.news.coverHint')}>
        <input
          type="file"
          accept="image/png,image/jpeg,image/webp"
          onChange={(e) => setCover(e.target.files?.[0])}
          data-testid="news-cover"
        />
      </Field>
      {item?.coverUrl && (
        <p className="news-cover-current">
          <img src={item.coverUrl} alt={t('admin.news.currentCover')} width={96} />
          <button type="button" disabled={dropCover.busy} onClick={() => void dropCover.run()}>
            {t('admin.news.removeCover')}
          </button>
        </p>
      )}
      <label className="checkbox">
        <input
          type="checkbox"
          checked={draft.postToChannel}
          onChange={(e) => set({ postToChannel: e.target.checked })}
          data-testid="news-channel"
        />{' '}
        {t('admin.news.postToChannel')}
      </label>
      <FormFooter
        action={save}
        submitLabel={item ? t('admin.common.save') : t('admin.news.publish')}
        busyLabel={t('admin.common.saving')}
        error={save.error ?? remove.error ?? dropCover.error}
        onCancel={onCancel}
        testId="news-save"
      >
        {item && (
          <button type="button" className="danger" disabled={remove.busy} onClick={() => void remove.run()}>
            {t('admin.news.remove')}
          </button>
        )}
      </FormFooter>
    </form>
  );
}
