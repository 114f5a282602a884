/** @jest-environment node */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '@/lib/db';
import { FolderLockedError, LOCK_FILE, lockDataFolder } from '@/lib/db/folder-lock';

/**
 * One server per PGlite folder (issue 19 item 4): a second opener is refused with a message that names the
 * folder and the way out, and a lock left by a process that died (kill -9) does not block the next start.
 */
const ROOT = path.join(__dirname, '..', '..', '..');

/** Another process that takes the folder's lock through the real module and then idles. */
function holder(dir: string): Promise<ChildProcess> {
  const script = `require('./lib/db/folder-lock.ts').lockDataFolder(${JSON.stringify(dir)}); console.log('locked'); setInterval(() => {}, 1000);`;
  // node itself (tsx as a require hook, not its CLI, which would fork): the child's pid is the lock owner.
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', '-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('locked') && resolve(child));
    child.once('exit', (code) => reject(new Error(`the lock holder exited (${code})`)));
  });
}

function kill9(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

describe('PGlite folder lock', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'stt-lock-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a second server on the folder, naming the folder and what to do instead', async () => {
    const other = await holder(dir);
    try {
      const opening = openDatabase({ dataDir: dir });
      await expect(opening).rejects.toBeInstanceOf(FolderLockedError);
      const message = await opening.catch((e: Error) => e.message);
      expect(message).toContain(dir);
      expect(message).toContain(`process ${other.pid}`);
      expect(message).toMatch(/DATABASE_URL=postgres/);
      // Refused before PGlite created anything in the folder.
      expect(existsSync(path.join(dir, 'PG_VERSION'))).toBe(false);
    } finally {
      await kill9(other);
    }
  }, 30_000);

  it('takes over the lock of a process killed with kill -9, and the data opens', async () => {
    const other = await holder(dir);
    await kill9(other);
    expect(JSON.parse(readFileSync(path.join(dir, LOCK_FILE), 'utf8')).pid).toBe(other.pid); // left behind
    const handle = await openDatabase({ dataDir: dir });
    expect(JSON.parse(readFileSync(path.join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    await handle.close();
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false); // released on close
  }, 60_000);

  it('refuses a second opener in the same process until the first releases', () => {
    const first = lockDataFolder(dir);
    expect(() => lockDataFolder(dir)).toThrow(FolderLockedError);
    first.release();
    lockDataFolder(dir).release();
  });

  it('does not mistake a recycled pid for the owner: another live process with a different start time', () => {
    // pid 1 is alive, but it started long before this (made-up) owner did.
    const owner = { pid: 1, startTicks: 1, bootId: readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim(), host: os.hostname(), since: 'earlier' };
    writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify(owner));
    lockDataFolder(dir).release();
  });

  it('trusts an owner it cannot inspect (another host) while its heartbeat is fresh, not after', () => {
    const file = path.join(dir, LOCK_FILE);
    writeFileSync(file, JSON.stringify({ pid: 4242, startTicks: 7, bootId: 'elsewhere', host: 'other-host', since: 'earlier' }));
    expect(() => lockDataFolder(dir)).toThrow(/process 4242 on other-host/);
    const old = new Date(Date.now() - 60_000);
    utimesSync(file, old, old);
    lockDataFolder(dir).release();
  });
});
