/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import { recordReview } from '@/lib/review';
import { CardStatus } from '@/app/interview/_components/card-status';
import { resetLearnerStoreForTests } from '@/app/_components/learner/learner-store';
import { storeRecord } from '../../support/learner-storage';

const NOW = new Date('2026-03-05T10:00:00Z');

beforeEach(() => {
  jest.useFakeTimers({ now: NOW });
  localStorage.clear();
  resetLearnerStoreForTests();
});
afterEach(() => jest.useRealTimers());

describe('CardStatus', () => {
  it.each([
    ['never rated', null, 'New'],
    ['rated Again a minute ago', { rating: 'again' as const, at: new Date(NOW.getTime() - 5 * 60_000) }, 'Due now'],
    ['rated Easy just now', { rating: 'easy' as const, at: NOW }, /^Next in \d+ days$/],
  ])('a card %s shows %s', (_name, review, text) => {
    if (review) {
      storeRecord((r) => recordReview(r, { type: 'card', id: 'c1', rating: review.rating, now: review.at, day: '2026-03-05' }), NOW);
    }
    render(<CardStatus cardId="c1" />);
    expect(screen.getByText(text)).toBeInTheDocument();
  });
});
