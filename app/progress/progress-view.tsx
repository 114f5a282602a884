'use client';
/**
 * Reads progress from localStorage and shows per-concept mastery, recent sessions, export and import.
 * Import validates the whole file first and lists every problem; nothing changes unless it is valid.
 */
import Link from 'next/link';
import { useEffect, useState, type ChangeEvent } from 'react';
import { conceptSummaries, exportProgress, importProgress, type Progress, type ProgressIssue } from '@/lib/progress';
import { concept, DIFFICULTY_LABELS, KIND_LABELS } from '@/lib/scenarios';
import { DataTable } from '@/app/_components/data-table';
import { StoredDataPending } from '@/app/_components/stored-data-pending';
import { formatDateTime } from '@/app/_components/dates';
import { describeImportIssues } from '@/app/_components/import-problems';
import { loadProgress, saveProgress } from './progress-store';

function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error('could not read the file'));
    reader.readAsText(file);
  });
}

export function ProgressView() {
  const [progress, setProgress] = useState<Progress | null>(null);
  const [issues, setIssues] = useState<ProgressIssue[] | null>(null);
  const [message, setMessage] = useState('');

  useEffect(() => {
    // localStorage exists only in the browser, so it is read after hydration.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setProgress(loadProgress());
  }, []);

  if (!progress) return <StoredDataPending>Loading your progress…</StoredDataPending>;

  const summaries = conceptSummaries(progress);
  const practised = progress.attempts.length > 0;

  const download = () => {
    const blob = new Blob([exportProgress(progress)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `service-traffic-trainer-progress-${new Date().toISOString().slice(0, 10)}.json`;
    a.click();
    URL.revokeObjectURL(url);
    setMessage('Progress exported as JSON.');
  };

  const onImport = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    const r = importProgress(await readText(file));
    e.target.value = '';
    if (!r.ok) {
      setIssues(r.issues);
      setMessage('');
      return;
    }
    saveProgress(r.progress);
    setProgress(r.progress);
    setIssues(null);
    setMessage(`Imported ${r.progress.attempts.length} answers.`);
  };

  return (
    <div className="space-y-8">
      <section aria-labelledby="mastery-heading" className="space-y-3">
        <h2 id="mastery-heading" className="text-xl font-semibold">
          Concepts
        </h2>
        {!practised && (
          <p>
            No answers yet. <Link href="/practice" className="text-accent underline">Start practising</Link>.
          </p>
        )}
        <DataTable
          label="Mastery by concept"
          caption="Mastery by concept, weakest first"
          captionHidden
          rows={summaries.map(({ id, mastery }) => {
            const c = concept(id);
            const pct = Math.round(mastery.level * 100);
            const status = mastery.mastered ? 'Mastered' : mastery.attempts ? 'Learning' : 'Not started';
            return { id, mastery, c, pct, status, href: `/practice?difficulty=standard&count=5&kinds=${c.kinds.join(',')}` };
          })}
          rowKey={(r) => r.id}
          columns={[
            {
              header: 'Concept',
              cell: ({ c, href }) => (
                <>
                  <span className="font-medium">{c.label}</span>
                  <span className="block text-xs text-muted">{c.summary}</span>
                  {/* Phones: the link sits here, its column is hidden. */}
                  <Link href={href} className="text-sm text-accent underline sm:hidden" aria-label={`Practise ${c.label}`}>
                    Practise
                  </Link>
                </>
              ),
            },
            {
              header: 'Level',
              cell: ({ c, mastery, pct, status }) => (
                <>
                  <meter min={0} max={100} value={pct} aria-label={`${c.label} level`} className="w-20" />
                  <span className="ml-1">{mastery.attempts ? `${pct}%` : '—'}</span>
                  {/* Phones: the hidden columns' values, in words. */}
                  <span className="block text-xs sm:hidden">
                    {`${mastery.correct}/${mastery.attempts} right · streak ${mastery.streak} · ${status}`}
                  </span>
                </>
              ),
            },
            { header: 'Answers', className: 'max-sm:hidden', cell: ({ mastery }) => `${mastery.correct}/${mastery.attempts}` },
            { header: 'Streak', className: 'max-sm:hidden', cell: ({ mastery }) => mastery.streak },
            {
              header: 'Status',
              className: 'max-sm:hidden',
              cellClassName: ({ mastery }) => (mastery.mastered ? 'text-ok' : mastery.attempts ? 'text-warn' : 'text-muted'),
              cell: ({ status }) => status,
            },
            {
              header: 'Practise',
              className: 'max-sm:hidden',
              cell: ({ c, href }) => (
                <Link href={href} className="text-accent underline" aria-label={`Practise ${c.label}`}>
                  Practise
                </Link>
              ),
            },
          ]}
        />
      </section>

      {progress.sessions.length > 0 && (
        <section aria-labelledby="sessions-heading" className="space-y-3">
          <h2 id="sessions-heading" className="text-xl font-semibold">
            Recent sessions
          </h2>
          <ul className="space-y-1 text-sm">
            {[...progress.sessions].reverse().slice(0, 10).map((s) => (
              <li key={s.at + s.seed}>
                {formatDateTime(s.at)} — {DIFFICULTY_LABELS[s.difficulty]}, {s.count} questions (
                {[...new Set(s.kinds)].map((k) => KIND_LABELS[k]).join(', ')}): score {Number(s.score.toFixed(2))}{' '}
                <Link
                  href={`/practice?seed=${s.seed}&difficulty=${s.difficulty}&count=${s.count}&kinds=${s.kinds.join(',')}`}
                  className="text-accent underline"
                >
                  repeat
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="data-heading" className="space-y-3">
        <h2 id="data-heading" className="text-xl font-semibold">
          Your data
        </h2>
        <div className="flex flex-wrap items-center gap-3">
          <button type="button" onClick={download} className="rounded bg-accent px-4 py-2 font-medium text-accent-fg">
            Export JSON
          </button>
          <label htmlFor="import-progress" className="font-medium">
            Import JSON
          </label>
          <input id="import-progress" type="file" accept="application/json,.json" onChange={onImport} className="text-sm" />
        </div>
        <p role="status" className="text-sm">
          {message}
        </p>
        {issues && (
          <div role="alert" className="rounded border border-bad p-3 text-sm">
            <p className="font-semibold text-bad">That file was not imported; your progress is unchanged:</p>
            <ul className="list-disc pl-6">
              {describeImportIssues(issues).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </div>
        )}
      </section>
    </div>
  );
}
