/**
 * The answer inputs for a ResponseSpec: a radio group per choice field (options numbered 1–5 for the
 * keyboard shortcuts), a labelled text input per share / integer / IP field. Rendered inside the
 * client QuestionView; no state of its own. A field the grader could not read (`problems`) is marked
 * `aria-invalid` and its message sits beside it, joined to it by aria-describedby (the summary in
 * QuestionView's live region announces it).
 */
import type { ResponseField } from '@/lib/scenarios';

export interface ResponseFieldsProps {
  idBase: string;
  fields: ResponseField[];
  values: Record<string, string>;
  onChange: (name: string, value: string) => void;
  disabled: boolean;
  /** Format problems by field name, from the last submission. */
  problems?: Readonly<Record<string, string>>;
}

const HINT: Record<'share' | 'integer' | 'ip', string> = {
  share: 'A fraction (1/6), a percentage (16.7%) or a decimal (0.1667).',
  integer: 'A whole number.',
  ip: 'An IPv4 address such as 10.0.1.10.',
};

/** Fields shown given the answers so far (fix-it shows a change's parameters once it is chosen). */
export function visibleFields(fields: ResponseField[], values: Record<string, string>): ResponseField[] {
  return fields.filter((f) => !f.when || f.when.oneOf.includes(values[f.when.field] ?? ''));
}

export function fieldDomId(idBase: string, name: string): string {
  return `${idBase}-${name.replace(/[^a-zA-Z0-9_-]/g, '_')}`;
}

/** The element a field's problem links to: its text input, or its checked (else first) radio. */
export function fieldFocusTarget(idBase: string, field: ResponseField, values: Record<string, string>): string {
  const id = fieldDomId(idBase, field.name);
  if (field.type !== 'choice') return id;
  const checked = field.options.findIndex((o) => o.value === values[field.name]);
  return `${id}-${checked < 0 ? 0 : checked}`;
}

/** The message beside a field the grader could not read. */
function FieldProblem({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="mt-1 text-sm font-medium text-bad">
      <span aria-hidden="true">⚠ </span>
      {message}
    </p>
  );
}

export function ResponseFields({ idBase, fields, values, onChange, disabled, problems = {} }: ResponseFieldsProps) {
  return (
    <div className="space-y-4">
      {fields.map((field) => {
        const id = fieldDomId(idBase, field.name);
        const problem = problems[field.name];
        const errorId = `${id}-error`;
        if (field.type === 'choice') {
          return (
            <fieldset
              key={field.name}
              id={id}
              data-choice-field={field.name}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? errorId : undefined}
              className={`rounded border p-3 ${problem ? 'border-bad' : 'border-border'}`}
            >
              <legend className="px-1 font-medium">{field.label}</legend>
              <div className="mt-1 space-y-1">
                {field.options.map((o, i) => {
                  const optionId = `${id}-${i}`;
                  const multiline = o.label.includes('\n');
                  return (
                    <div key={o.value} className="flex items-start gap-2">
                      <input
                        type="radio"
                        id={optionId}
                        name={id}
                        value={o.value}
                        checked={values[field.name] === o.value}
                        onChange={() => onChange(field.name, o.value)}
                        disabled={disabled}
                        className="mt-1.5 h-4 w-4 shrink-0 accent-[var(--accent)]"
                      />
                      <label htmlFor={optionId} className="min-w-0 flex-1 cursor-pointer">
                        {i < 5 && (
                          <span aria-hidden="true" className="mr-2 inline-block rounded border border-border px-1.5 text-xs text-muted">
                            {i + 1}
                          </span>
                        )}
                        {multiline ? (
                          <pre className="mt-1 overflow-x-auto whitespace-pre rounded bg-surface p-2 font-mono text-xs">{o.label}</pre>
                        ) : (
                          <span className="break-words">{o.label}</span>
                        )}
                      </label>
                    </div>
                  );
                })}
              </div>
              <FieldProblem id={errorId} message={problem} />
            </fieldset>
          );
        }
        const hintId = `${id}-hint`;
        return (
          <div key={field.name}>
            <label htmlFor={id} className="block font-medium">
              {field.label}
            </label>
            <p id={hintId} className="text-sm text-muted">
              {HINT[field.type]}
              {field.type === 'integer' ? ` From ${field.min} to ${field.max}.` : ''}
            </p>
            <input
              id={id}
              type="text"
              inputMode={field.type === 'share' ? 'decimal' : field.type === 'integer' ? 'numeric' : 'text'}
              autoComplete="off"
              spellCheck={false}
              aria-describedby={problem ? `${hintId} ${errorId}` : hintId}
              aria-invalid={problem ? true : undefined}
              value={values[field.name] ?? ''}
              onChange={(e) => onChange(field.name, e.target.value)}
              disabled={disabled}
              className={`mt-1 w-full max-w-xs rounded border bg-bg px-2 py-1 font-mono ${problem ? 'border-bad' : 'border-border'}`}
            />
            <FieldProblem id={errorId} message={problem} />
          </div>
        );
      })}
    </div>
  );
}
