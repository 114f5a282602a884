import { getDatabase } from '@/lib/db';
import { createDrill, createDrillSchema } from '@/lib/drills';
import { handle, json, publicOrigin, readBody } from '../_lib/http';
import { otherMethods } from '../_lib/methods';

/** POST /api/drills → 201 {code, studentUrl, manageUrl, manageToken}. The token travels in the URL fragment, which browsers never send to a server. */
export const POST = handle(async (req: Request) => {
  const input = await readBody(req, createDrillSchema);
  const { code, manageToken } = await createDrill(await getDatabase(), input);
  const origin = publicOrigin(req);
  return json(
    { code, studentUrl: `${origin}/drills/${code}`, manageUrl: `${origin}/drills/${code}/manage#key=${manageToken}`, manageToken },
    201,
    { Location: `/api/drills/${code}` },
  );
});

/** Every other method: 405 with JSON and `Allow` (OPTIONS: 204 with `Allow`). */
const otherMethod = otherMethods(['POST']);
export { otherMethod as GET, otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE, otherMethod as OPTIONS };
