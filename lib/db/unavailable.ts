/**
 * "The database cannot answer now" — down, unreachable, frozen past a timeout, shutting down, out of
 * connections. The API turns it into 503 with Retry-After (a retry may well succeed); anything else is a 500.
 */
export class DatabaseUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DatabaseUnavailableError';
  }
}

/** Socket-level failures of node-postgres (Node's errno codes). */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);
/** SQLSTATEs of a server that cannot serve now: shutdown, starting up, statement/lock timeout, too many connections. */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '57014', '53300', '55P03']);
/** node-postgres reports its own timeouts and lost connections with these messages (no code). */
const PG_CLIENT_MESSAGES = [
  'timeout exceeded when trying to connect', // Pool
  'timeout expired', // Client.connect past connectionTimeoutMillis
  'Connection terminated',
  'Query read timeout',
  'connection timeout',
  'Client has encountered a connection error',
  'Cannot use a pool after calling end',
];

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  cause?: unknown;
  errors?: unknown;
}

/** Errors from Node's core may come from another realm (Jest, vm), so they are recognised by shape, not instanceof. */
function asErrorLike(e: unknown): ErrorLike | null {
  return typeof e === 'object' && e !== null && 'message' in e ? (e as ErrorLike) : null;
}

/** True when `e` (or an error it wraps, e.g. Drizzle's DrizzleQueryError) says the database is unavailable. */
export function isDatabaseUnavailable(e: unknown): boolean {
  for (let cur = asErrorLike(e), depth = 0; cur && depth < 5; cur = asErrorLike(cur.cause), depth++) {
    if (cur instanceof DatabaseUnavailableError) return true;
    const { code, message, errors } = cur;
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code) || code.startsWith('08'))) return true;
    if (typeof message === 'string' && PG_CLIENT_MESSAGES.some((m) => message.includes(m))) return true;
    if (Array.isArray(errors) && errors.some((inner) => isDatabaseUnavailable(inner))) return true;
  }
  return false;
}

/**
 * What a log may say about an error: its class and, for errors from the database, the SQLSTATE or errno only.
 * Messages of query errors carry the SQL parameters (a drill's seed, a token hash) and PostgreSQL quotes
 * values back, so they never reach the log (issue 19 item 6).
 */
export function describeErrorForLog(e: unknown): string {
  const parts: string[] = [];
  for (let cur: unknown = e, depth = 0; depth < 4 && cur !== undefined; depth++) {
    const err = asErrorLike(cur);
    if (!err) {
      parts.push(typeof cur);
      break;
    }
    const name = typeof err.name === 'string' ? err.name : 'Error';
    const message = typeof err.message === 'string' ? err.message : '';
    const code = typeof err.code === 'string' ? err.code : undefined;
    const fromDatabase = code !== undefined || /query/i.test(name) || message.startsWith('Failed query');
    parts.push(fromDatabase ? `${name}${code ? ` ${code}` : ''}` : `${name}: ${message.split('\n')[0]!.slice(0, 200)}`);
    cur = err.cause;
  }
  return parts.join(' ← ');
}
