'use client';

import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { Gradebook } from '@/lib/drills/gradebook';
import { ApiFailure, callApi } from '../../_components/api-client';
import { GradebookTable, QuestionStatsTable } from './gradebook-table';

const POLL_MS = 3000;

function keyFromHash(): string | null {
  const m = /(?:^#|&)key=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  return m?.[1] ?? null;
}

function subscribeHash(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** Polls the gradebook with the manage token from the URL fragment; close / reopen / delete / CSV. */
export function ManageDrill({ code }: { code: string }) {
  // The fragment exists only in the browser: undefined while rendering on the server and hydrating.
  const token = useSyncExternalStore(subscribeHash, keyFromHash, () => undefined);
  const [book, setBook] = useState<Gradebook | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [deleted, setDeleted] = useState(false);
  const [reopenAttempts, setReopenAttempts] = useState(false);

  const load = useCallback(async () => {
    if (!token) return;
    try {
      setBook(await callApi<Gradebook>(`/api/drills/${code}/results`, { token }));
      setError(null);
    } catch (e) {
      setError(e instanceof ApiFailure ? e.message : 'Could not load the gradebook');
    }
  }, [code, token]);

  useEffect(() => {
    if (!token || deleted) return;
    const first = setTimeout(() => void load(), 0);
    const t = setInterval(() => void load(), POLL_MS);
    return () => {
      clearTimeout(first);
      clearInterval(t);
    };
  }, [token, load, deleted]);

  async function setClosed(closed: boolean) {
    if (!token) return;
    try {
      await callApi(`/api/drills/${code}`, { method: 'PATCH', token, body: closed ? { closed } : { closed, reopenAttempts } });
      setStatus(
        closed
          ? 'The drill is closed. Students can no longer join or answer.'
          : reopenAttempts
            ? 'The drill is open again, and students who saw their answer key may change their answers.'
            : 'The drill is open again. Students who saw their answer key keep their answers.',
      );
      await load();
    } catch (e) {
      setStatus(e instanceof ApiFailure ? e.message : 'Failed');
    }
  }

  async function remove() {
    if (!token || !window.confirm('Delete this drill and every answer? This cannot be undone.')) return;
    try {
      await callApi(`/api/drills/${code}`, { method: 'DELETE', token });
      setDeleted(true);
      setBook(null);
      setStatus('The drill and all its answers were deleted.');
    } catch (e) {
      setStatus(e instanceof ApiFailure ? e.message : 'Failed');
    }
  }

  async function downloadCsv() {
    if (!token) return;
    const res = await fetch(`/api/drills/${code}/results.csv`, { headers: { Authorization: `Bearer ${token}` }, cache: 'no-store' });
    if (!res.ok) {
      setStatus(`The CSV could not be exported (${res.status}).`);
      return;
    }
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = `drill-${code}.csv`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setStatus('CSV downloaded.');
  }

  if (token === undefined) return <p className="text-muted">Loading…</p>;
  if (!token) {
    return (
      <p role="alert" className="text-bad">
        This page needs the secret manage link you received when you created the drill (it ends in #key=…).
      </p>
    );
  }
  const closed = book?.drill.phase === 'closed';
  return (
    <div className="space-y-6">
      <p aria-live="polite" className="text-sm" data-testid="manage-status">{status}</p>
      {deleted ? null : (
        <>
          {error && <p role="alert" className="text-bad">{error}</p>}
          {book && (
            <>
              <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
                <div><dt className="text-muted">Join code</dt><dd className="font-mono text-lg">{book.drill.code}</dd></div>
                <div><dt className="text-muted">State</dt><dd data-testid="drill-phase">{book.drill.phase}</dd></div>
                <div><dt className="text-muted">Questions</dt><dd>{book.drill.questionCount}</dd></div>
                <div><dt className="text-muted">Updated</dt><dd>{new Date(book.generatedAt).toLocaleTimeString()}</dd></div>
              </dl>
              <div className="flex flex-wrap gap-2">
                <button type="button" onClick={() => void setClosed(!closed)} className="rounded border border-border px-3 py-2">
                  {closed ? 'Reopen drill' : 'Close drill'}
                </button>
                {closed && (
                  <label className="flex items-center gap-2 text-sm">
                    <input type="checkbox" checked={reopenAttempts} onChange={(e) => setReopenAttempts(e.target.checked)} />
                    Also let students who saw their answer key change answers
                  </label>
                )}
                <button type="button" onClick={() => void downloadCsv()} className="rounded bg-accent px-3 py-2 text-accent-fg">
                  Download CSV
                </button>
                <button type="button" onClick={() => void remove()} className="rounded border border-bad px-3 py-2 text-bad">
                  Delete drill
                </button>
              </div>
              <GradebookTable gradebook={book} />
              <QuestionStatsTable gradebook={book} />
            </>
          )}
        </>
      )}
    </div>
  );
}
