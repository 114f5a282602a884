import { generateSession, QUESTION_KINDS } from '@/lib/scenarios';
import { gradeAnswer, correctAnswer } from '@/lib/grading';
for (let i = 0; i < 10; i++) generateSession({ seed: 'w' + i, kinds: [...QUESTION_KINDS], difficulty: 'standard', count: 20 });
const t0 = performance.now();
for (let i = 0; i < 40; i++) for (const q of generateSession({ seed: 'p' + i, kinds: [...QUESTION_KINDS], difficulty: 'standard', count: 20 })) gradeAnswer(q, correctAnswer(q));
console.log(((performance.now() - t0) / 40).toFixed(1), 'ms/session');
