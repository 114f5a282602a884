/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import { LearningPath } from '@/app/learn/learning-path';
import { LEARNING_PATH, topicConcepts } from '@/lib/learning-path';
import { resetLearnerStoreForTests } from '@/app/_components/learner/learner-store';
import { recordAnswer, type AttemptRecord } from '@/lib/learner';
import { storeRecord } from '../../support/learner-storage';

const NOW = new Date('2026-11-25T09:00:00.000Z');
const missed: AttemptRecord = {
  questionId: 'dns:standard:x',
  kind: 'dns',
  difficulty: 'standard',
  seed: 'x',
  score: 0,
  at: '2026-11-25T08:00:00.000Z',
  ms: 1000,
  concepts: ['service-dns'],
  misconception: 'dns-returns-pod-ips',
  source: 'practice',
};

beforeEach(() => {
  localStorage.clear();
  resetLearnerStoreForTests();
});

describe('<LearningPath>', () => {
  it('shows each topic with read and practise links, and the learner’s mastery beside it', async () => {
    storeRecord((r) => recordAnswer(r, missed, '2026-11-25'), NOW);
    render(<LearningPath />);
    expect(screen.getByRole('link', { name: 'Read: inside the cluster' })).toHaveAttribute(
      'href',
      '/learn/inside-the-cluster',
    );
    expect(screen.getAllByRole('link', { name: /^Practise \(/ }).length).toBeGreaterThanOrEqual(3);
    // The missed DNS answer makes its topic "learning"; the topics never practised say so.
    const inside = topicConcepts(LEARNING_PATH.find((t) => t.id === 'inside-the-cluster')!).length;
    expect(await screen.findByTestId('mastery-inside-the-cluster')).toHaveTextContent(`0 of ${inside} concepts known or mastered, 1 still learning or fading`);
    expect(await screen.findByTestId('mastery-api-validation')).toHaveTextContent(
      'Your mastery: not started',
    );
  });
});
