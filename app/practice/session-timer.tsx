'use client';
/** The optional session timer: elapsed time since the session started, updated every second. */
import { useEffect, useState } from 'react';

export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const m = Math.floor(s / 60);
  return `${m}:${String(s % 60).padStart(2, '0')}`;
}

/** Counts from its first render; remount it (key) for a new session. `stopped` freezes it. */
export function SessionTimer({ stopped }: { stopped: boolean }) {
  const [start, setStart] = useState<number | null>(null);
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    if (stopped) return;
    const tick = () => {
      const t = Date.now();
      setStart((s) => s ?? t);
      setNow(t);
    };
    const first = setTimeout(tick, 0);
    const every = setInterval(tick, 1000);
    return () => {
      clearTimeout(first);
      clearInterval(every);
    };
  }, [stopped]);
  const elapsed = start === null || now === null ? 0 : now - start;
  // Not a live region: announcing every second would drown out everything else.
  return (
    <p className="font-mono">
      <span className="text-muted">Time </span>
      {formatDuration(elapsed)}
    </p>
  );
}
