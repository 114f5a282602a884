import { getDatabase } from '@/lib/db';
import { authorizeManage, loadGradebook } from '@/lib/drills';
import { bearerToken, handle, json } from '../../../_lib/http';

type Ctx = { params: Promise<{ code: string }> };

/** GET /api/drills/{code}/results with the manage token → the gradebook JSON. */
export const GET = handle(async (req: Request, { params }: Ctx) => {
  const { code: unsafeCode } = await params;
  const db = await getDatabase();
  const drill = await authorizeManage(db, unsafeCode, bearerToken(req));
  return json(await loadGradebook(db, drill));
});
