import { getAttemptView } from '@/lib/drills';
import { attemptFromRequest } from '../../_lib/attempt';
import { handle, json } from '../../_lib/http';

type Ctx = { params: Promise<{ attemptId: string }> };

/** GET /api/attempts/{attemptId} with the attempt token → the attempt (resume after reload). */
export const GET = handle(async (req: Request, { params }: Ctx) => {
  const { db, auth } = await attemptFromRequest(req, params);
  return json(await getAttemptView(db, auth));
});
