import { getDatabase } from '@/lib/db';
import { answerSchema, gradeAndStoreAnswerByToken } from '@/lib/drills';
import { handle, json, readBody } from '../../../_lib/http';
import { attemptCredentials } from '../../../_lib/attempt';
import { otherMethods } from '../../../_lib/methods';

type Ctx = { params: Promise<{ attemptId: string }> };

/** POST /api/attempts/{attemptId}/answers {questionId, answer} → 201 stored (200 if already stored), feedback only when revealed. */
export const POST = handle(async (req: Request, { params }: Ctx) => {
  const { attemptId, token } = await attemptCredentials(req, params);
  const outcome = await gradeAndStoreAnswerByToken(await getDatabase(), attemptId, token, () => readBody(req, answerSchema));
  return json(outcome.body, outcome.status);
});

/** Every other method: 405 with JSON and `Allow` (OPTIONS: 204 with `Allow`). */
const otherMethod = otherMethods(['POST']);
export { otherMethod as GET, otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE, otherMethod as OPTIONS };
