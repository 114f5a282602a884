import 'server-only';
import { getDatabase } from '@/lib/db';
import { attemptIdSchema, authorizeAttempt, DrillError } from '@/lib/drills';
import { bearerToken } from './http';

/** The attempt id in the route and the request's bearer token: 401 without a token, 404 for a malformed id. */
export async function attemptCredentials(req: Request, params: Promise<{ attemptId: string }>) {
  const { attemptId } = await params;
  const token = bearerToken(req);
  if (!attemptIdSchema.safeParse(attemptId).success) {
    throw new DrillError(404, 'No such attempt', [{ path: 'attemptId', message: 'Not an attempt id' }]);
  }
  return { attemptId, token };
}

/** The attempt named in the route, authorised by the request's bearer token (401 none, 403 wrong, 404 unknown). */
export async function attemptFromRequest(req: Request, params: Promise<{ attemptId: string }>) {
  const { attemptId, token } = await attemptCredentials(req, params);
  const db = await getDatabase();
  return { db, auth: await authorizeAttempt(db, attemptId, token) };
}
