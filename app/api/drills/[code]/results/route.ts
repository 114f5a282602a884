import { getDatabase } from '@/lib/db';
import { authorizeManage, loadGradebook } from '@/lib/drills';
import { bearerToken, handle, json } from '../../../_lib/http';
import { otherMethods } from '../../../_lib/methods';

type Ctx = { params: Promise<{ code: string }> };

/** GET /api/drills/{code}/results with the manage token → the gradebook JSON. */
export const GET = handle(async (req: Request, { params }: Ctx) => {
  const { code: unsafeCode } = await params;
  const db = await getDatabase();
  const drill = await authorizeManage(db, unsafeCode, bearerToken(req));
  return json(await loadGradebook(db, drill));
});

/** Every other method: 405 with JSON and `Allow` (OPTIONS: 204 with `Allow`). */
const otherMethod = otherMethods(['GET']);
export { otherMethod as POST, otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE, otherMethod as OPTIONS };
