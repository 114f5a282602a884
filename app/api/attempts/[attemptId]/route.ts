import { getAttemptView } from '@/lib/drills';
import { attemptFromRequest } from '../../_lib/attempt';
import { handle, json } from '../../_lib/http';
import { otherMethods } from '../../_lib/methods';

type Ctx = { params: Promise<{ attemptId: string }> };

/** GET /api/attempts/{attemptId} with the attempt token → the attempt (resume after reload). */
export const GET = handle(async (req: Request, { params }: Ctx) => {
  const { db, auth } = await attemptFromRequest(req, params);
  return json(await getAttemptView(db, auth));
});

/** Every other method: 405 with JSON and `Allow` (OPTIONS: 204 with `Allow`). */
const otherMethod = otherMethods(['GET']);
export { otherMethod as POST, otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE, otherMethod as OPTIONS };
