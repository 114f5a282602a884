/**
 * Runs once when the server starts (not during `next build`): open the database and apply migrations
 * now, so the first request does not pay for PGlite's initdb (stack-notes pitfall 8). A PGlite folder that
 * another server holds stops this one here, with the reason (lib/db/folder-lock.ts): it could never open it.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { getDatabaseHandle } = await import('./lib/db/client');
    const { FolderLockedError } = await import('./lib/db/folder-lock');
    try {
      const handle = await getDatabaseHandle();
      console.log(`[db] ${handle.kind} ready, migrations applied`);
    } catch (error) {
      if (!(error instanceof FolderLockedError)) throw error;
      console.error(`[db] not starting: ${error.message}`);
      process.exit(1);
    }
  }
}
