import { submitAttempt } from '@/lib/drills';
import { handle, json } from '../../../_lib/http';
import { attemptFromRequest } from '../../../_lib/attempt';

type Ctx = { params: Promise<{ attemptId: string }> };

/** POST /api/attempts/{attemptId}/submit → the finished attempt; `score` and results only if the policy allows. */
export const POST = handle(async (req: Request, { params }: Ctx) => {
  const { db, auth } = await attemptFromRequest(req, params);
  return json(await submitAttempt(db, auth));
});
