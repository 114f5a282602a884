'use client';
/** The optional session timer: time since the session's clock started, updated every second. */
import { useEffect, useState } from 'react';

/** m:ss to the nearest second (the timer and the summary both use it, on the same clock). */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const m = Math.floor(s / 60);
  return `${m}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * Shows `stoppedAt - startedAt` once stopped, else now - startedAt. The session owns the clock, so a reload
 * resumes the count and the summary shows exactly what the timer showed when it stopped.
 */
export function SessionTimer({ startedAt, stoppedAt }: { startedAt: number; stoppedAt: number | null }) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    if (stoppedAt !== null) return;
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const every = setInterval(tick, 250);
    return () => {
      clearTimeout(first);
      clearInterval(every);
    };
  }, [stoppedAt]);
  const end = stoppedAt ?? now;
  const elapsed = end === null ? 0 : end - startedAt;
  // Not a live region: announcing every second would drown out everything else.
  return (
    <p className="font-mono">
      <span className="text-muted">Time </span>
      {formatDuration(elapsed)}
    </p>
  );
}
