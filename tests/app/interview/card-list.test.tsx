/** @jest-environment jsdom */
import { render, screen, within } from '@testing-library/react';
import { CardList } from '@/app/interview/_components/card-list';
import { resetLearnerStoreForTests } from '@/app/_components/learner/learner-store';
import type { InterviewCard } from '@/lib/interview';

jest.mock('next/navigation', () => ({ useRouter: () => ({ prefetch: jest.fn(), push: jest.fn() }) }));

const card = (id: string, topic: InterviewCard['topic'], question: string): InterviewCard =>
  ({ id, topic, level: 'standard', origin: 'original', question }) as InterviewCard;

/** Twelve cards in two topics; the last one's question is long (five phone lines, two wide lines). */
const CARDS: InterviewCard[] = [
  ...Array.from({ length: 6 }, (_, i) => card(`f${i}`, 'fundamentals', `Fundamentals question ${i}?`)),
  ...Array.from({ length: 5 }, (_, i) => card(`s${i}`, 'snat-return-path', `SNAT question ${i}?`)),
  card('long', 'snat-return-path', 'Why '.repeat(45).trim() + '?'),
];

beforeEach(() => resetLearnerStoreForTests());

describe('CardList', () => {
  it('lists every card as a plain link to its page, under its topic', () => {
    render(<CardList cards={CARDS} groupByTopic />);
    const links = screen.getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(CARDS.map((c) => `/interview/${c.id}`));
    const topic = screen.getByRole('region', { name: 'Fundamentals' });
    expect(within(topic).getAllByRole('link')).toHaveLength(6);
  });

  it('leaves the first eight cards, across topics, to be drawn at once and marks the rest to be skipped, with estimated lines', () => {
    const { container } = render(<CardList cards={CARDS} groupByTopic />);
    const items = [...container.querySelectorAll('li')];
    expect(items.map((li) => li.classList.contains('later-card'))).toEqual([
      ...Array(8).fill(false),
      ...Array(4).fill(true),
    ]);
    const lines = (li: HTMLElement, name: string) => Number(li.style.getPropertyValue(name));
    const short = items[8]!;
    const long = items[11]!;
    expect([
      lines(short, '--card-lines'),
      lines(short, '--card-lines-md'),
      lines(short, '--card-lines-lg'),
    ]).toEqual([1, 1, 1]);
    // 180 characters: 38 a line at a phone's width, 86 from 48rem, 114 from 64rem.
    expect([
      lines(long, '--card-lines'),
      lines(long, '--card-lines-md'),
      lines(long, '--card-lines-lg'),
    ]).toEqual([5, 3, 2]);
    expect(lines(short, '--card-small-lines')).toBe(1);
  });
});
