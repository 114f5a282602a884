import { randomBytes } from 'node:crypto';
import { closeSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, utimesSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * One writer per PGlite folder. PGlite has no cross-process lock, and two servers on one folder lose
 * acknowledged writes without an error (issue 19 item 4), so the opener takes `<folder>/server.lock` first.
 *
 * The file holds who owns it: pid, the process's start time (so a recycled pid is not mistaken for the
 * owner), the boot id and host name, and it is touched every HEARTBEAT_MS. A lock is stale, and is taken
 * over, when its owner is on this machine and that process is gone (kill -9, crash, reboot), or when it has
 * not been touched for STALE_AFTER_MS (an owner we cannot see: another container or host on a shared folder).
 */
export const LOCK_FILE = 'server.lock';
const HEARTBEAT_MS = 10_000;
const STALE_AFTER_MS = 45_000;

interface Owner {
  pid: number;
  /** Start time of the process in clock ticks since boot (Linux /proc), or null where unknown. */
  startTicks: number | null;
  bootId: string | null;
  host: string;
  since: string;
}

export class FolderLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: Owner | null,
  ) {
    const who = owner ? `process ${owner.pid} on ${owner.host}, since ${owner.since}` : 'another process';
    super(
      `The PGlite data folder ${dataDir} is in use by ${who}. PGlite allows one server per folder: ` +
        `stop the other server, give this one its own folder (PGLITE_DIR), or run several app servers on ` +
        `PostgreSQL (DATABASE_URL=postgres://…). If no server is using the folder, delete ${path.join(dataDir, LOCK_FILE)}.`,
    );
    this.name = 'FolderLockedError';
  }
}

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return null;
  }
}

/** Field 22 of /proc/<pid>/stat: when the process started, in ticks since boot. Null off Linux or if gone. */
function startTicks(pid: number): number | null {
  const stat = readText(`/proc/${pid}/stat`);
  if (!stat) return null;
  // The command name (field 2) is in parentheses and may contain spaces: count fields after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[19]);
  return Number.isFinite(ticks) ? ticks : null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}

function me(): Owner {
  return {
    pid: process.pid,
    startTicks: startTicks(process.pid),
    bootId: readText('/proc/sys/kernel/random/boot_id'),
    host: os.hostname(),
    since: new Date().toISOString(),
  };
}

function parseOwner(text: string | null): Owner | null {
  if (!text) return null;
  try {
    const o = JSON.parse(text) as Partial<Owner>;
    if (typeof o.pid !== 'number' || typeof o.host !== 'string') return null;
    return { pid: o.pid, startTicks: o.startTicks ?? null, bootId: o.bootId ?? null, host: o.host, since: String(o.since ?? '?') };
  } catch {
    return null;
  }
}

/** Why the lock at `file` (owned by `owner`) may be taken over, or null while its owner may be alive. */
function staleReason(file: string, owner: Owner | null): string | null {
  const self = me();
  if (owner && owner.host === self.host && owner.bootId && owner.bootId === self.bootId) {
    if (owner.pid === self.pid) return 'left by an earlier run of this process id';
    if (!isAlive(owner.pid)) return `process ${owner.pid} is gone`;
    if (owner.startTicks !== null && startTicks(owner.pid) !== owner.startTicks) return `process ${owner.pid} is another process now`;
    return null;
  }
  if (owner && owner.host === self.host && owner.bootId && self.bootId && owner.bootId !== self.bootId) return 'the machine restarted since';
  // An owner we cannot inspect (another host or container, or an unreadable file): trust its heartbeat.
  let age: number;
  try {
    age = Date.now() - statSync(file).mtimeMs;
  } catch {
    return 'the lock vanished';
  }
  return age > STALE_AFTER_MS ? `not refreshed for ${Math.round(age / 1000)} s` : null;
}

/** Folders this process holds (a second open in the same process is refused as well). */
const HELD = new Set<string>();

export interface FolderLock {
  release(): void;
}

/**
 * Takes the folder's lock or throws FolderLockedError. The lock is released by `release()` and, as a last
 * resort, when the process exits; a process killed outright leaves a file the next opener takes over.
 */
export function lockDataFolder(dataDir: string): FolderLock {
  const dir = path.resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, LOCK_FILE);
  if (HELD.has(dir)) throw new FolderLockedError(dir, parseOwner(readText(file)));
  const content = JSON.stringify(me());
  // Written aside, then hard-linked into place: link() fails if the lock exists, so creation is atomic.
  const tmp = path.join(dir, `.${LOCK_FILE}.${process.pid}.${randomBytes(4).toString('hex')}`);
  const fd = openSync(tmp, 'wx');
  writeSync(fd, content);
  closeSync(fd);
  try {
    for (let tries = 0; ; tries++) {
      try {
        linkSync(tmp, file);
        break;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || tries >= 3) throw e;
      }
      const seen = readText(file);
      const owner = parseOwner(seen);
      const reason = staleReason(file, owner);
      if (!reason) throw new FolderLockedError(dir, owner);
      // Take over: move the stale file aside and check it is the one judged stale (another opener may have
      // replaced it meanwhile; then put theirs back and let the loop judge again).
      const aside = `${file}.stale.${process.pid}.${randomBytes(4).toString('hex')}`;
      try {
        renameSync(file, aside);
      } catch {
        continue;
      }
      if (readText(aside) !== seen) {
        try {
          linkSync(aside, file);
        } catch {
          /* someone holds the lock now; the next round sees it */
        }
      } else {
        console.warn(`[db] took over the stale lock of ${dir} (${reason})`);
      }
      unlinkSync(aside);
    }
  } finally {
    unlinkSync(tmp);
  }
  HELD.add(dir);

  const heartbeat = setInterval(() => {
    if (readText(file) !== content) {
      console.error(`[db] the lock of ${dir} is no longer this process's: another server may be writing to the folder`);
      return;
    }
    const now = new Date();
    try {
      utimesSync(file, now, now);
    } catch {
      /* the next beat tries again */
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();

  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    clearInterval(heartbeat);
    process.off('exit', release);
    HELD.delete(dir);
    if (readText(file) === content) {
      try {
        unlinkSync(file);
      } catch {
        /* already gone */
      }
    }
  };
  process.on('exit', release);
  return { release };
}
