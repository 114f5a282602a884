import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getDatabase } from '@/lib/db';
import { DrillError, getPublicDrill, normaliseJoinCode } from '@/lib/drills';
import { MyDrillsList } from './_components/my-drills-list';

export const metadata: Metadata = { title: 'Drills' };

/** Join by code: a plain GET form, so it works without JavaScript; a known code redirects to the drill. */
export default async function DrillsPage({ searchParams }: { searchParams: Promise<{ code?: string | string[] }> }) {
  const raw = (await searchParams).code;
  const unsafeCode = typeof raw === 'string' ? raw : '';
  let error: string | null = null;
  if (unsafeCode) {
    try {
      const drill = await getPublicDrill(await getDatabase(), unsafeCode);
      redirect(`/drills/${drill.code}`);
    } catch (e) {
      if (!(e instanceof DrillError)) throw e;
      error = `No drill has the code “${normaliseJoinCode(unsafeCode)}”. Check it with your instructor.`;
    }
  }
  return (
    <section className="max-w-xl space-y-8">
      <div>
        <h1 className="text-3xl font-bold">Drills</h1>
        <p className="mt-2 text-muted">
          Your instructor gives you a six-character code. Every answer is graded on the server by the routing engine.
        </p>
      </div>
      <form method="get" action="/drills" className="space-y-3 rounded-lg border border-border bg-surface p-4" noValidate>
        <label htmlFor="code" className="block font-medium">
          Join code
        </label>
        <input
          id="code"
          name="code"
          defaultValue={unsafeCode}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          required
          maxLength={12}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'code-error' : 'code-hint'}
          className="w-full rounded border border-border bg-bg px-3 py-2 font-mono text-lg uppercase tracking-widest"
        />
        <p id="code-hint" className="text-sm text-muted">
          Letters and digits, for example K7QX2M.
        </p>
        {error && (
          <p id="code-error" role="alert" className="text-sm text-bad">
            {error}
          </p>
        )}
        <button type="submit" className="rounded bg-accent px-4 py-2 font-medium text-accent-fg">
          Join drill
        </button>
      </form>
      <p>
        Teaching? <Link href="/drills/new" className="text-accent underline">Create a drill</Link> — no account needed.
      </p>
      <MyDrillsList />
    </section>
  );
}
