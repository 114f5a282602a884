import { getDatabase } from '@/lib/db';
import { answerAttempt, answerSchema } from '@/lib/drills';
import { handle, json, readBody } from '../../../_lib/http';
import { attemptCredentials } from '../../../_lib/attempt';

type Ctx = { params: Promise<{ attemptId: string }> };

/** POST /api/attempts/{attemptId}/answers {questionId, answer} → 201 stored (200 if already stored), feedback only when revealed. */
export const POST = handle(async (req: Request, { params }: Ctx) => {
  const { attemptId, token } = await attemptCredentials(req, params);
  const outcome = await answerAttempt(await getDatabase(), attemptId, token, () => readBody(req, answerSchema));
  return json(outcome.body, outcome.status);
});
