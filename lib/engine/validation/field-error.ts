/**
 * The API server's field errors, rendered byte-for-byte like k8s.io/apimachinery/pkg/util/validation/field
 * (`Error.Error()` = "<field>: <ErrorBody>"):
 *   Required   → "<field>: Required value"            (+ ": <detail>" when there is one)
 *   Forbidden  → "<field>: Forbidden: <detail>"
 *   Invalid    → "<field>: Invalid value: <value>: <detail>"
 *   NotSupported → "<field>: Unsupported value: <value>: supported values: "A", "B""
 *   Duplicate  → "<field>: Duplicate value: <value>"
 * Values print like Go: numbers and booleans with %v, strings with %q.
 */
export type FieldErrorType = 'Required' | 'Forbidden' | 'Invalid' | 'NotSupported' | 'Duplicate';

const TYPE_TEXT: Record<FieldErrorType, string> = {
  Required: 'Required value',
  Forbidden: 'Forbidden',
  Invalid: 'Invalid value',
  NotSupported: 'Unsupported value',
  Duplicate: 'Duplicate value',
};

/** Go's %q for the strings we quote (ASCII field values); JSON string escaping matches it there. */
export function goQuote(s: string): string {
  return JSON.stringify(s);
}

function goValue(value: string | number | boolean): string {
  return typeof value === 'string' ? goQuote(value) : String(value);
}

function render(type: FieldErrorType, field: string, detail: string, value?: string | number | boolean): string {
  let body = TYPE_TEXT[type];
  if (type !== 'Required' && type !== 'Forbidden' && value !== undefined) body += `: ${goValue(value)}`;
  if (detail !== '') body += `: ${detail}`;
  return `${field}: ${body}`;
}

export const fieldError = {
  required: (field: string, detail = '') => render('Required', field, detail),
  forbidden: (field: string, detail: string) => render('Forbidden', field, detail),
  invalid: (field: string, value: string | number | boolean, detail: string) => render('Invalid', field, detail, value),
  notSupported: (field: string, value: string, supported: readonly string[]) =>
    render('NotSupported', field, supported.length > 0 ? `supported values: ${supported.map(goQuote).join(', ')}` : '', value),
  duplicate: (field: string, value: string | number) => render('Duplicate', field, '', value),
};

/** How kubectl shows a rejected create: `The Service "web" is invalid: <one error>` or `…: [<e1>, <e2>]`. */
export function kubectlInvalidMessage(kind: string, name: string, errors: readonly string[]): string {
  const unique = [...new Set(errors)];
  const detail = unique.length === 1 ? (unique[0] as string) : `[${unique.join(', ')}]`;
  return `The ${kind} ${goQuote(name)} is invalid: ${detail}`;
}
