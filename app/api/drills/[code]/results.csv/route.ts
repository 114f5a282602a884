import { getDatabase } from '@/lib/db';
import { authorizeManage, gradebookCsv } from '@/lib/drills';
import { bearerToken, handle } from '../../../_lib/http';

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
