import { getDatabase } from '@/lib/db';
import { authorizeManage, deleteDrill, getPublicDrill, manageUpdateSchema, setDrillClosed } from '@/lib/drills';
import { bearerToken, clientAddress, handle, json, readBody } from '../../_lib/http';
import { otherMethods } from '../../_lib/methods';

type Ctx = { params: Promise<{ code: string }> };

/** GET /api/drills/{code} → the public fields (no seed, no token hash). */
export const GET = handle(async (req: Request, { params }: Ctx) => {
  const { code: unsafeCode } = await params;
  return json(await getPublicDrill(await getDatabase(), unsafeCode, new Date(), { client: clientAddress(req) }));
});

/** PATCH /api/drills/{code} {closed, reopenAttempts?} with the manage token → the drill after closing or reopening. */
export const PATCH = handle(async (req: Request, { params }: Ctx) => {
  const { code: unsafeCode } = await params;
  const token = bearerToken(req);
  const db = await getDatabase();
  const drill = await authorizeManage(db, unsafeCode, token);
  return json(await setDrillClosed(db, drill, await readBody(req, manageUpdateSchema)));
});

/** DELETE /api/drills/{code} with the manage token → 204; attempts and answers go with it. */
export const DELETE = handle(async (req: Request, { params }: Ctx) => {
  const { code: unsafeCode } = await params;
  const db = await getDatabase();
  await deleteDrill(db, await authorizeManage(db, unsafeCode, bearerToken(req)));
  return new Response(null, { status: 204 });
});

/** Every other method: 405 with JSON and `Allow` (OPTIONS: 204 with `Allow`). */
const otherMethod = otherMethods(['GET', 'PATCH', 'DELETE']);
export { otherMethod as POST, otherMethod as PUT, otherMethod as OPTIONS };
