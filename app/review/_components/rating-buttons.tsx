'use client';
/**
 * Again / Hard / Good / Easy, with keyboard shortcuts 1–4 (active while focus is not in a text field, so
 * typing an answer never rates a card). Each button can show when the item would come back.
 */
import { useEffect } from 'react';
import { RATING_LABELS, REVIEW_RATINGS, type ReviewRating } from '@/lib/review';

const SHORTCUT: Record<ReviewRating, string> = { again: '1', hard: '2', good: '3', easy: '4' };

const TONE: Record<ReviewRating, string> = {
  again: 'border-bad text-bad',
  hard: 'border-warn text-warn',
  good: 'border-ok text-ok',
  easy: 'border-accent text-accent',
};

function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    return !['checkbox', 'radio', 'button', 'submit', 'range'].includes(type);
  }
  return false;
}

export interface RatingButtonsProps {
  onRate: (rating: ReviewRating) => void;
  /** Ratings offered (default all four); others are not shown. */
  allowed?: readonly ReviewRating[];
  /** "in 3 days" per rating, shown under each label. */
  intervals?: Partial<Record<ReviewRating, string>>;
  legend?: string;
  disabled?: boolean;
}

export function RatingButtons({ onRate, allowed = REVIEW_RATINGS, intervals, legend = 'How well did you recall it?', disabled }: RatingButtonsProps) {
  useEffect(() => {
    if (disabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.repeat || typingIn(e.target)) return;
      const rating = REVIEW_RATINGS.find((r) => SHORTCUT[r] === e.key);
      if (rating && allowed.includes(rating)) {
        e.preventDefault();
        onRate(rating);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onRate, allowed, disabled]);

  return (
    <fieldset className="mt-4">
      <legend className="font-semibold">{legend}</legend>
      <p className="text-sm text-muted">Keys 1–4 rate when you are not typing.</p>
      <div className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-4">
        {REVIEW_RATINGS.filter((r) => allowed.includes(r)).map((r) => (
          <button
            key={r}
            type="button"
            disabled={disabled}
            aria-keyshortcuts={SHORTCUT[r]}
            onClick={() => onRate(r)}
            className={`rounded border-2 bg-bg px-3 py-2 text-left font-semibold disabled:opacity-50 ${TONE[r]}`}
          >
            <span>{RATING_LABELS[r]}</span> <kbd className="text-xs font-normal text-muted">{SHORTCUT[r]}</kbd>
            {intervals?.[r] ? <span className="block text-xs font-normal text-muted">again in {intervals[r]}</span> : null}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
