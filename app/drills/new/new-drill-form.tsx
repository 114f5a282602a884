'use client';

import { useEffect, useState } from 'react';
import { ApiFailure, callApi, issuesByField } from '../_components/api-client';
import { FieldError } from '../_components/field-error';
import { rememberMyDrill } from '../_components/my-drills';

interface Option {
  value: string;
  label: string;
}

interface Created {
  code: string;
  studentUrl: string;
  manageUrl: string;
  manageToken: string;
}

const REVEAL_OPTIONS: Option[] = [
  { value: 'after-answer', label: 'After each answer' },
  { value: 'after-submit', label: 'After the student submits' },
  { value: 'after-close', label: 'After the drill closes' },
  { value: 'never', label: 'Never' },
];

const input = 'w-full rounded border border-border bg-bg px-3 py-2';

/** Each field's visible label, to name the fields that need fixing (the ids match the body's field names). */
const FIELD_LABELS: Record<string, string> = {
  title: 'Title',
  kinds: 'Question kinds',
  difficulty: 'Difficulty',
  count: 'Questions',
  attemptsAllowed: 'Attempts per student',
  timeLimitMinutes: 'Time limit',
  opensAt: 'Opens',
  closesAt: 'Closes',
  revealPolicy: 'Show students the correct answers',
  variant: 'Scenarios',
};

/** "Check Title." / "Check Title and Questions." — the summary above the form; each message sits by its field. */
function invalidSummary(fields: string[]): string {
  // In the form's order, whatever order the server listed them in.
  const names = Object.keys(FIELD_LABELS).filter((f) => fields.includes(f)).map((f) => FIELD_LABELS[f]!);
  if (names.length === 0) return '';
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `Check ${list}: see the message beside ${names.length === 1 ? 'it' : 'each'}.`;
}

/** Moves focus to the first field named in `errors`, so keyboard and screen-reader users land on it. */
function focusFirstInvalid(form: HTMLFormElement | null, errors: Record<string, string[]>) {
  const first = Object.keys(FIELD_LABELS).find((f) => errors[f]);
  const el = first ? (form?.querySelector<HTMLElement>(`#${first}, [name="${first}"]`) ?? null) : null;
  el?.focus();
}

/** A datetime-local value ("2026-11-25T09:00") in the browser's zone → ISO with offset, or null. */
function toIso(local: FormDataEntryValue | null): string | null {
  if (typeof local !== 'string' || !local) return null;
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? local : d.toISOString();
}

function intOrNull(v: FormDataEntryValue | null): number | null {
  if (typeof v !== 'string' || v.trim() === '') return null;
  return Number(v);
}

export function NewDrillForm({ kinds, difficulties }: { kinds: Option[]; difficulties: Option[] }) {
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<Created | null>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const f = new FormData(form);
    const body = {
      title: f.get('title'),
      kinds: f.getAll('kinds'),
      difficulty: f.get('difficulty'),
      count: intOrNull(f.get('count')),
      timeLimitMinutes: intOrNull(f.get('timeLimitMinutes')),
      opensAt: toIso(f.get('opensAt')),
      closesAt: toIso(f.get('closesAt')),
      attemptsAllowed: intOrNull(f.get('attemptsAllowed')),
      revealPolicy: f.get('revealPolicy'),
      variant: f.get('variant'),
    };
    setBusy(true);
    setFormError(null);
    try {
      const made = await callApi<Created>('/api/drills', { method: 'POST', body });
      rememberMyDrill({ code: made.code, title: String(body.title).trim(), manageUrl: made.manageUrl, createdAt: new Date().toISOString() });
      setCreated(made);
      setErrors({});
    } catch (e) {
      if (e instanceof ApiFailure) {
        const byField = issuesByField(e.issues);
        setErrors(byField);
        setFormError(invalidSummary(Object.keys(byField)) || e.message);
        focusFirstInvalid(form, byField);
      } else throw e;
    } finally {
      setBusy(false);
    }
  }

  if (created) return <CreatedPanel created={created} />;

  const described = (name: string, hint?: string) =>
    [errors[name] ? `${name}-error` : null, hint].filter(Boolean).join(' ') || undefined;

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" aria-describedby={formError ? 'form-error' : undefined}>
      {formError && (
        <p id="form-error" role="alert" className="rounded border border-bad p-3 text-bad">
          {formError}
        </p>
      )}
      <div>
        <label htmlFor="title" className="block font-medium">Title</label>
        <input id="title" name="title" required maxLength={120} className={input} aria-invalid={!!errors.title || undefined} aria-describedby={described('title')} />
        <FieldError id="title-error" messages={errors.title} />
      </div>

      <fieldset aria-describedby={described('kinds')}>
        <legend className="font-medium">Question kinds</legend>
        <div className="mt-1 grid gap-1 sm:grid-cols-2">
          {kinds.map((k, i) => (
            <label key={k.value} className="flex items-center gap-2">
              <input type="checkbox" name="kinds" value={k.value} defaultChecked={i < 3} /> {k.label}
            </label>
          ))}
        </div>
        <FieldError id="kinds-error" messages={errors.kinds} />
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-3">
        <div>
          <label htmlFor="difficulty" className="block font-medium">Difficulty</label>
          <select id="difficulty" name="difficulty" defaultValue="standard" className={input} aria-describedby={described('difficulty')}>
            {difficulties.map((d) => (
              <option key={d.value} value={d.value}>{d.label}</option>
            ))}
          </select>
          <FieldError id="difficulty-error" messages={errors.difficulty} />
        </div>
        <div>
          <label htmlFor="count" className="block font-medium">Questions</label>
          <input id="count" name="count" type="number" min={1} max={50} defaultValue={5} className={input} aria-invalid={!!errors.count || undefined} aria-describedby={described('count')} />
          <FieldError id="count-error" messages={errors.count} />
        </div>
        <div>
          <label htmlFor="attemptsAllowed" className="block font-medium">Attempts per student</label>
          <input id="attemptsAllowed" name="attemptsAllowed" type="number" min={1} max={20} defaultValue={1} className={input} aria-invalid={!!errors.attemptsAllowed || undefined} aria-describedby={described('attemptsAllowed')} />
          <FieldError id="attemptsAllowed-error" messages={errors.attemptsAllowed} />
        </div>
      </div>

      <div className="grid gap-4 sm:grid-cols-3">
        <div>
          <label htmlFor="timeLimitMinutes" className="block font-medium">Time limit (minutes)</label>
          <input id="timeLimitMinutes" name="timeLimitMinutes" type="number" min={1} max={600} className={input} aria-invalid={!!errors.timeLimitMinutes || undefined} aria-describedby={described('timeLimitMinutes', 'time-hint')} />
          <p id="time-hint" className="text-sm text-muted">Empty: no limit.</p>
          <FieldError id="timeLimitMinutes-error" messages={errors.timeLimitMinutes} />
        </div>
        <div>
          <label htmlFor="opensAt" className="block font-medium">Opens</label>
          <input id="opensAt" name="opensAt" type="datetime-local" className={input} aria-invalid={!!errors.opensAt || undefined} aria-describedby={described('opensAt', 'opens-hint')} />
          <p id="opens-hint" className="text-sm text-muted">Empty: now.</p>
          <FieldError id="opensAt-error" messages={errors.opensAt} />
        </div>
        <div>
          <label htmlFor="closesAt" className="block font-medium">Closes</label>
          <input id="closesAt" name="closesAt" type="datetime-local" className={input} aria-invalid={!!errors.closesAt || undefined} aria-describedby={described('closesAt', 'closes-hint')} />
          <p id="closes-hint" className="text-sm text-muted">Empty: until you close it.</p>
          <FieldError id="closesAt-error" messages={errors.closesAt} />
        </div>
      </div>

      <div>
        <label htmlFor="revealPolicy" className="block font-medium">Show students the correct answers</label>
        <select id="revealPolicy" name="revealPolicy" defaultValue="after-submit" className={input} aria-describedby={described('revealPolicy')}>
          {REVEAL_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>{o.label}</option>
          ))}
        </select>
        <FieldError id="revealPolicy-error" messages={errors.revealPolicy} />
      </div>

      <fieldset>
        <legend className="font-medium">Scenarios</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name="variant" value="same" defaultChecked /> The same for every student
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="variant" value="per-student" /> A variant seeded per student
        </label>
        <FieldError id="variant-error" messages={errors.variant} />
      </fieldset>

      <button type="submit" disabled={busy} className="rounded bg-accent px-4 py-2 font-medium text-accent-fg disabled:opacity-60">
        {busy ? 'Creating…' : 'Create drill'}
      </button>
    </form>
  );
}

function CreatedPanel({ created }: { created: Created }) {
  // The manage link is shown once: warn before leaving until it has been copied or opened.
  const [kept, setKept] = useState(false);
  useEffect(() => {
    if (kept) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = ''; // older browsers need it set to show the prompt
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [kept]);
  return (
    <section aria-labelledby="created-heading" className="space-y-4 rounded-lg border border-border bg-surface p-4">
      <h2 id="created-heading" className="text-xl font-semibold" tabIndex={-1} ref={(el) => el?.focus()}>
        Drill created
      </h2>
      <p>
        Join code: <strong className="font-mono text-2xl tracking-widest" data-testid="join-code">{created.code}</strong>
      </p>
      <CopyField id="student-url" label="Student link" value={created.studentUrl} />
      <CopyField id="manage-url" label="Secret manage link" value={created.manageUrl} onCopied={() => setKept(true)} />
      <p className="text-sm text-warn">
        Keep the manage link private and save it now: whoever has it can see every answer and close or delete the
        drill. This browser keeps it under “My drills” on the Drills page (on this device only; the server never
        sees it again).
      </p>
      <p>
        <a href={created.manageUrl} className="text-accent underline" onClick={() => setKept(true)}>Open the gradebook</a>
      </p>
    </section>
  );
}

function CopyField({ id, label, value, onCopied }: { id: string; label: string; value: string; onCopied?: () => void }) {
  const [copied, setCopied] = useState(false);
  return (
    <div>
      <label htmlFor={id} className="block font-medium">{label}</label>
      <div className="flex gap-2">
        <input id={id} readOnly value={value} className={`${input} font-mono text-sm`} onFocus={(e) => e.currentTarget.select()} />
        <button
          type="button"
          className="rounded border border-border px-3"
          onClick={() =>
            navigator.clipboard?.writeText(value).then(
              () => {
                setCopied(true);
                onCopied?.();
              },
              () => setCopied(false),
            )
          }
        >
          Copy<span className="sr-only"> {label.toLowerCase()}</span>
        </button>
      </div>
      <p aria-live="polite" className="text-sm text-muted">{copied ? 'Copied.' : ''}</p>
    </div>
  );
}
