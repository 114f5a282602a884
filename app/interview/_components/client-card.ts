/** What a client component needs of a card to run the recall flow (no prose: that is rendered as slots). */
import type { CardTwist, InterviewCard, KeyPoint } from '@/lib/interview';

export interface ClientCard {
  id: string;
  question: string;
  keyPoints: KeyPoint[];
  concepts: string[];
  twist: CardTwist | null;
}

export function toClientCard(
  card: Pick<InterviewCard, 'id' | 'question' | 'keyPoints' | 'concepts'> & { twist?: CardTwist | null },
): ClientCard {
  return { id: card.id, question: card.question, keyPoints: card.keyPoints, concepts: card.concepts, twist: card.twist ?? null };
}
