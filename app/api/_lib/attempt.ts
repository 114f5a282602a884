import 'server-only';
import { getDatabase } from '@/lib/db';
import { attemptIdSchema, authorizeAttempt, DrillError } from '@/lib/drills';
import { bearerToken } from './http';

/** The attempt named in the route, authorised by the request's bearer token (401 none, 403 wrong, 404 unknown). */
export async function attemptFromRequest(req: Request, params: Promise<{ attemptId: string }>) {
  const { attemptId: unsafeAttemptId } = await params;
  const token = bearerToken(req);
  if (!attemptIdSchema.safeParse(unsafeAttemptId).success) {
    throw new DrillError(404, 'No such attempt', [{ path: 'attemptId', message: 'Not an attempt id' }]);
  }
  const db = await getDatabase();
  return { db, auth: await authorizeAttempt(db, unsafeAttemptId, token) };
}
