import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MatchEvent, PatchEventBody } from '@touchline/contract';
import { refOf, type MatchView } from './optimistic.ts';
import type { EventRef, OutboxItem } from './outbox.ts';
import { isEvent, refusedAt } from './refusal-place.ts';
import { RefusalNotes } from './RefusedWrites.tsx';
import { describeEvent, minuteLabel } from '../../lib/event-text.ts';
import { EventIcon } from './EventIcon.tsx';
import { EventEditor } from './EventEditor.tsx';

interface Props {
  view: MatchView;
  onEdit(ref: EventRef, body: PatchEventBody): void;
  onDelete(event: MatchEvent, ref: EventRef): void;
  /** Why the server would refuse an edit or a delete now, in words; those buttons are disabled then. */
  block?: string | undefined;
  refused: readonly OutboxItem[];
  onDismiss(id: string): void;
}

const newestFirst = (a: MatchEvent, b: MatchEvent) =>
  b.minute - a.minute || (b.addedTime ?? 0) - (a.addedTime ?? 0) || b.createdAt.localeCompare(a.createdAt);

export function EventFeed({ view, onEdit, onDelete, block, refused, onDismiss }: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<string>();
  const [confirming, setConfirming] = useState<string>();
  const events = [...view.events].sort(newestFirst);

  return (
    <section className="event-feed" aria-labelledby="feed-title">
      <h3 id="feed-title" className="visually-hidden">
        {t('feed.title')}
      </h3>
      {block && events.length > 0 && (
        <p className="hint" id="feed-hint" data-testid="feed-hint">
          {block}
        </p>
      )}
      {events.length === 0 && <p className="muted">{t('feed.empty')}</p>}
      <ol data-testid="event-feed">
        {events.map((e) => {
          const text = describeEvent(t, view, e);
          const club = view.match[e.side === 'home' ? 'homeClub' : 'awayClub'].name;
          const label = `${minuteLabel(e)} ${text}`;
          // The client id outlives the switch from the pending copy to the server's, so an open editor stays open.
          const key = e.clientEventId ?? e.id;
          return (
            <li
              key={key}
              className={`feed-item side-${e.side}${e.pending ? ' pending' : ''}`}
              data-testid="event-item"
              data-event-id={e.id}
              data-type={e.type}
              data-side={e.side}
              data-pending={e.pending ? 'true' : 'false'}
            >
              <div className="feed-line">
                <span className="feed-minute">{minuteLabel(e)}</span>
                <EventIcon type={e.type} />
                <span className="feed-text">
                  {text}
                  <small className="muted"> · {club}</small>
                  {e.pending && <small className="pending-mark"> · {t('feed.pending')}</small>}
                </span>
              </div>
              {editing === key ? (
                <EventEditor
                  view={view}
                  event={e}
                  onCancel={() => setEditing(undefined)}
                  onSave={(body) => {
                    onEdit(refOf(e), body);
                    setEditing(undefined);
                  }}
                />
              ) : confirming === key ? (
                <div className="confirm" role="alertdialog" aria-label={t('feed.deleteQuestion', { event: label })}>
                  <span>{t('feed.deleteQuestion', { event: label })}</span>
                  <button
                    type="button"
                    className="danger"
                    data-testid="event-delete-confirm"
                    onClick={() => {
                      setConfirming(undefined);
                      onDelete(e, refOf(e));
                    }}
                  >
                    {t('feed.deleteYes')}
                  </button>
                  <button type="button" onClick={() => setConfirming(undefined)}>
                    {t('common.cancel')}
                  </button>
                </div>
              ) : (
                <div className="feed-actions">
                  <button
                    type="button"
                    data-testid="event-edit"
                    disabled={block !== undefined}
                    aria-describedby={block ? 'feed-hint' : undefined}
                    aria-label={t('feed.editLabel', { event: label })}
                    onClick={() => setEditing(key)}
                  >
                    {t('feed.edit')}
                  </button>
                  <button
                    type="button"
                    data-testid="event-delete"
                    disabled={block !== undefined}
                    aria-describedby={block ? 'feed-hint' : undefined}
                    aria-label={t('feed.deleteLabel', { event: label })}
                    onClick={() => setConfirming(key)}
                  >
                    {t('feed.delete')}
                  </button>
                </div>
              )}
              <RefusalNotes items={refusedAt(refused, view, isEvent(e))} onDismiss={onDismiss} />
            </li>
          );
        })}
      </ol>
    </section>
  );
}
