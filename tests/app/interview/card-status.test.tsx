/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import { emptyReviewData, recordReview, saveReviewData } from '@/lib/review';
import { CardStatus } from '@/app/interview/_components/card-status';
import { resetReviewStoreForTests } from '@/app/review/_components/review-store';

const NOW = new Date('2026-03-05T10:00:00Z');

beforeEach(() => {
  jest.useFakeTimers({ now: NOW });
  localStorage.clear();
  resetReviewStoreForTests();
});
afterEach(() => jest.useRealTimers());

describe('CardStatus', () => {
  it.each([
    ['never rated', null, 'New'],
    ['rated Again a minute ago', { rating: 'again' as const, at: new Date(NOW.getTime() - 5 * 60_000) }, 'Due now'],
    ['rated Easy just now', { rating: 'easy' as const, at: NOW }, /^Next in \d+ days$/],
  ])('a card %s shows %s', (_name, review, text) => {
    if (review) {
      const data = recordReview(emptyReviewData(), { type: 'card', id: 'c1', rating: review.rating, now: review.at, day: '2026-03-05' });
      saveReviewData(localStorage, data, NOW);
    }
    render(<CardStatus cardId="c1" />);
    expect(screen.getByText(text)).toBeInTheDocument();
  });
});
