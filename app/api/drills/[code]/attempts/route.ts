import { getDatabase } from '@/lib/db';
import { joinSchema, startAttempt } from '@/lib/drills';
import { clientAddress, handle, json, readBody } from '../../../_lib/http';
import { otherMethods } from '../../../_lib/methods';

type Ctx = { params: Promise<{ code: string }> };

/** POST /api/drills/{code}/attempts {name} → 201 {attemptId, attemptToken, questions, …}: a new student's first attempt (names may repeat). No answer keys. */
export const POST = handle(async (req: Request, { params }: Ctx) => {
  const { code: unsafeCode } = await params;
  const { name } = await readBody(req, joinSchema);
  // Limits (per client and per drill, lib/drills/rate-limit.ts) are counted in the database, shared by every app server.
  const { attemptId, attemptToken, view } = await startAttempt(await getDatabase(), unsafeCode, name, new Date(), { client: clientAddress(req) });
  return json({ attemptId, attemptToken, questions: view.questions, attempt: view }, 201);
});

/** Every other method: 405 with JSON and `Allow` (OPTIONS: 204 with `Allow`). */
const otherMethod = otherMethods(['POST']);
export { otherMethod as GET, otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE, otherMethod as OPTIONS };
