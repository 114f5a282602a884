import { getDatabase } from '@/lib/db';
import { authorizeManage, gradebookCsv } from '@/lib/drills';
import { bearerToken, handle } from '../../../_lib/http';
import { otherMethods } from '../../../_lib/methods';

type Ctx = { params: Promise<{ code: string }> };

/** GET /api/drills/{code}/results.csv with the manage token → one row per student and question. */
export const GET = handle(async (req: Request, { params }: Ctx) => {
  const { code: unsafeCode } = await params;
  const db = await getDatabase();
  const drill = await authorizeManage(db, unsafeCode, bearerToken(req));
  return new Response(await gradebookCsv(db, drill), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="drill-${drill.code}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
});

/** Every other method: 405 with JSON and `Allow` (OPTIONS: 204 with `Allow`). */
const otherMethod = otherMethods(['GET']);
export { otherMethod as POST, otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE, otherMethod as OPTIONS };
