import { answerSchema, submitAnswer } from '@/lib/drills';
import { handle, json, readBody } from '../../../_lib/http';
import { attemptFromRequest } from '../../../_lib/attempt';

type Ctx = { params: Promise<{ attemptId: string }> };

/** POST /api/attempts/{attemptId}/answers {questionId, answer} → 201 stored (200 if already stored), feedback only when revealed. */
export const POST = handle(async (req: Request, { params }: Ctx) => {
  const { db, auth } = await attemptFromRequest(req, params);
  const input = await readBody(req, answerSchema);
  const outcome = await submitAnswer(db, auth, input);
  return json(outcome.body, outcome.status);
});
