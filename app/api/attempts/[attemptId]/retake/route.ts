import { startRetake } from '@/lib/drills';
import { attemptFromRequest } from '../../../_lib/attempt';
import { clientAddress, handle, json } from '../../../_lib/http';
import { otherMethods } from '../../../_lib/methods';

type Ctx = { params: Promise<{ attemptId: string }> };

/**
 * POST /api/attempts/{attemptId}/retake with that attempt's token → 201 {attemptId, attemptToken, questions,
 * attempt}: the same student's next attempt (same name). 409 once the drill's attempts per student are used.
 */
export const POST = handle(async (req: Request, { params }: Ctx) => {
  const { db, auth } = await attemptFromRequest(req, params);
  const { attemptId, attemptToken, view } = await startRetake(db, auth, new Date(), { client: clientAddress(req) });
  return json({ attemptId, attemptToken, questions: view.questions, attempt: view }, 201);
});

/** Every other method: 405 with JSON and `Allow` (OPTIONS: 204 with `Allow`). */
const otherMethod = otherMethods(['POST']);
export { otherMethod as GET, otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE, otherMethod as OPTIONS };
