import { getDatabase } from '@/lib/db';
import { DrillError, joinSchema, startAttempt } from '@/lib/drills';
import { attemptLimiter, clientAddress, handle, json, readBody } from '../../../_lib/http';
import { otherMethods } from '../../../_lib/methods';

type Ctx = { params: Promise<{ code: string }> };

/** POST /api/drills/{code}/attempts {name} → 201 {attemptId, attemptToken, questions, …}. No answer keys. */
export const POST = handle(async (req: Request, { params }: Ctx) => {
  const { code: unsafeCode } = await params;
  if (!attemptLimiter().hit(clientAddress(req))) {
    throw new DrillError(429, 'Too many attempts from this address; wait a minute', [{ path: '', message: 'Rate limited' }]);
  }
  const { name } = await readBody(req, joinSchema);
  const { attemptId, attemptToken, view } = await startAttempt(await getDatabase(), unsafeCode, name);
  return json({ attemptId, attemptToken, questions: view.questions, attempt: view }, 201);
});

/** Every other method: 405 with JSON and `Allow` (OPTIONS: 204 with `Allow`). */
const otherMethod = otherMethods(['POST']);
export { otherMethod as GET, otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE, otherMethod as OPTIONS };
