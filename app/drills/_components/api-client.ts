/** Browser side of the drills JSON API: one fetch helper that turns `{error, issues}` into a thrown ApiFailure. */
import type { Issue } from '@/lib/validation/issues';

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues: Issue[],
  ) {
    super(message);
  }
}

export async function callApi<T>(url: string, init: { method?: string; body?: unknown; token?: string } = {}): Promise<T> {
  const headers: Record<string, string> = {};
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  let res: Response;
  try {
    res = await fetch(url, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body), cache: 'no-store' });
  } catch {
    throw new ApiFailure(0, 'The server could not be reached. Check your connection and try again.', []);
  }
  if (res.status === 204) return undefined as T;
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const body = (data ?? {}) as { error?: string; issues?: Issue[] };
    throw new ApiFailure(res.status, body.error ?? `Request failed (${res.status})`, body.issues ?? []);
  }
  return data as T;
}

/** Issues grouped by their top-level field (`kinds[1]` → `kinds`), for messages next to form fields; the whole body is `form`. */
export function issuesByField(issues: Issue[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const i of issues) (out[i.path.split(/[.[]/)[0] || 'form'] ??= []).push(i.message);
  return out;
}

/**
 * A refusal as one sentence for the page: the message, then the issues that add to it ("This drill is
 * closed", not "This drill is closed: Closed").
 */
export function failureText(e: ApiFailure): string {
  const said = e.message.toLowerCase();
  const extra = e.issues.map((i) => i.message).filter((m) => m && !said.includes(m.toLowerCase()));
  return extra.length ? `${e.message}: ${extra.join('; ')}` : e.message;
}
