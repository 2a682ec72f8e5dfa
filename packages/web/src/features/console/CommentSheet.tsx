import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMENT_MAX_LENGTH } from '@touchline/contract/constants';
import { minuteLabel } from '../../lib/event-text.ts';
import type { Minute } from './MinuteField.tsx';
import { Sheet } from './Sheet.tsx';

/** Keys of `deskComment.phrases`: what happens often enough at a touchline to be one tap. */
const PHRASES = ['chance', 'save', 'corner', 'woodwork', 'offside', 'injury', 'pressure', 'weather'] as const;

interface Props {
  club: string;
  minute: Minute;
  onSend(text: string): void;
  onCancel(): void;
}

/** A line for the live ticker: a quick phrase, free text, or a phrase finished by hand; sent at the current minute. */
export function CommentSheet({ club, minute, onSend, onCancel }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const trimmed = text.trim();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (trimmed) onSend(trimmed);
  };
  return (
    <Sheet
      title={t('deskComment.title', { club, minute: minuteLabel(minute) })}
      testId="comment-sheet"
      onCancel={onCancel}
    >
      <form className="comment-form" onSubmit={submit}>
        <div className="phrase-grid" role="group" aria-label={t('deskComment.phrasesLabel')}>
          {PHRASES.map((key) => (
            <button
              key={key}
              type="button"
              data-testid="comment-phrase"
              onClick={() => setText(t(`deskComment.phrases.${key}`))}
            >
              {t(`deskComment.phrases.${key}`)}
            </button>
          ))}
        </div>
        <label>
          {t('deskComment.text')}
          <textarea
            data-testid="comment-text"
            rows={2}
            maxLength={COMMENT_MAX_LENGTH}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        <p className="muted comment-count">{t('deskComment.left', { count: COMMENT_MAX_LENGTH - text.length })}</p>
        <button type="submit" className="primary" data-testid="comment-send" disabled={!trimmed}>
          {t('deskComment.send')}
        </button>
      </form>
    </Sheet>
  );
}
