/**
 * Runs once when the server starts (not during `next build`): open the database and apply migrations
 * now, so the first request does not pay for PGlite's initdb (stack-notes pitfall 8).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { getDatabaseHandle } = await import('./lib/db/client');
    const handle = await getDatabaseHandle();
    console.log(`[db] ${handle.kind} ready, migrations applied`);
  }
}
