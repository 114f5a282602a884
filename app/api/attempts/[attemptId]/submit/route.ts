import { submitAttempt } from '@/lib/drills';
import { handle, json } from '../../../_lib/http';
import { attemptFromRequest } from '../../../_lib/attempt';
import { otherMethods } from '../../../_lib/methods';

type Ctx = { params: Promise<{ attemptId: string }> };

/** POST /api/attempts/{attemptId}/submit → the finished attempt; `score` and results only if the policy allows. */
export const POST = handle(async (req: Request, { params }: Ctx) => {
  const { db, auth } = await attemptFromRequest(req, params);
  return json(await submitAttempt(db, auth));
});

/** Every other method: 405 with JSON and `Allow` (OPTIONS: 204 with `Allow`). */
const otherMethod = otherMethods(['POST']);
export { otherMethod as GET, otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE, otherMethod as OPTIONS };
