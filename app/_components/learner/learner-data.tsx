'use client';
/**
 * Export and import of the one learner file (on /progress and /review). Import reads the file and says what it
 * holds; nothing is overwritten until the learner confirms, and the data replaced is kept as a backup. A file
 * that cannot be imported gets a sentence saying why, plus field paths for a damaged export; never its text.
 */
import { useId, useState } from 'react';
import { exportLearner, importProblemText, readImport, summarize, type ImportKind, type ImportReading, type ImportSummary, type LearnerRecord } from '@/lib/learner';
import { describeImportIssues } from '@/app/_components/import-problems';
import { replaceLearnerRecord, today } from './learner-store';

/** File text via FileReader (works in every browser and in jsdom, unlike Blob.text in older engines). */
function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error('could not read the file'));
    reader.readAsText(file);
  });
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function describe(s: ImportSummary): string {
  return `${plural(s.answers, 'practice answer')}, ${plural(s.ratings, 'review')}, ${plural(s.concepts, 'concept')} and ${plural(s.cards, 'interview card')}`;
}

const KIND_WORDS: Record<ImportKind, string> = {
  learner: 'a learner export',
  progress: 'an older progress export',
  review: 'an older review export',
};

export function LearnerData({ record }: { record: LearnerRecord }) {
  const ids = useId();
  const [pending, setPending] = useState<Extract<ImportReading, { ok: true }> | null>(null);
  const [message, setMessage] = useState('');
  const [problem, setProblem] = useState<{ text: string; lines: string[] } | null>(null);

  const exportData = () => {
    const text = exportLearner(record, new Date());
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `service-traffic-trainer-learner-${today()}.json`;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    setMessage('Exported your learner data as a JSON file.');
  };

  const chooseFile = async (file: File) => {
    setMessage('');
    const reading = readImport(await readText(file), record);
    if (!reading.ok) {
      setPending(null);
      setProblem({ text: importProblemText(reading.problem), lines: reading.problem === 'invalid' ? describeImportIssues(reading.issues) : [] });
      return;
    }
    setProblem(null);
    setPending(reading);
  };

  const confirm = () => {
    if (!pending) return;
    replaceLearnerRecord(pending.next);
    setPending(null);
    setMessage(
      `Imported ${KIND_WORDS[pending.kind]}${pending.migrated.length ? ` (upgraded from an older format: ${pending.migrated.join('; ')})` : ''}. Your previous data was kept as a backup in this browser.`,
    );
  };

  const current = summarize(record);
  return (
    <div className="space-y-3">
      <p>Everything is kept only in this browser. Export one file to keep a copy or move it to another browser; files exported from the old Progress or Review pages import too.</p>
      <div className="flex flex-wrap items-end gap-4">
        <button type="button" onClick={exportData} className="rounded bg-accent px-4 py-2 font-semibold text-accent-fg">
          Export as JSON
        </button>
        <div>
          <label htmlFor={`${ids}-import`} className="block font-semibold">
            Import a file (JSON)
          </label>
          <input
            id={`${ids}-import`}
            type="file"
            accept="application/json,.json"
            className="mt-1 block max-w-full text-sm"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void chooseFile(file);
              e.target.value = '';
            }}
          />
        </div>
      </div>
      <div aria-live="polite" className="space-y-2">
        {message ? <p>{message}</p> : null}
        {problem ? (
          <div className="rounded border border-bad p-3" data-testid="import-problem">
            <p className="font-semibold text-bad">{problem.text} Nothing was changed.</p>
            {problem.lines.length ? (
              <ul className="mt-1 list-disc pl-6">
                {problem.lines.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        {pending ? (
          <div className="space-y-2 rounded border border-warn p-3" role="group" aria-labelledby={`${ids}-confirm`}>
            <p id={`${ids}-confirm`}>
              This is {KIND_WORDS[pending.kind]} with {describe(pending.file)}.{' '}
              {pending.kind === 'learner'
                ? `Importing it replaces the data in this browser (${describe(current)}).`
                : 'Importing it adds its data to what this browser holds.'}{' '}
              Your current data is kept as a backup. Nothing changes until you confirm.
            </p>
            <div className="flex flex-wrap gap-2">
              <button type="button" onClick={confirm} className="rounded bg-accent px-4 py-2 font-semibold text-accent-fg">
                {pending.kind === 'learner' ? 'Replace my data' : 'Add to my data'}
              </button>
              <button
                type="button"
                onClick={() => {
                  setPending(null);
                  setMessage('Import cancelled; nothing was changed.');
                }}
                className="rounded border border-border px-4 py-2 font-semibold"
              >
                Cancel
              </button>
            </div>
          </div>
        ) : null}
      </div>
    </div>
  );
}
