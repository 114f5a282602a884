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
/** SQLSTATEs of a server that cannot serve now: shutdown, starting up, statement timeout, too many connections. */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '57014', '53300', '55P03']);
/** node-postgres reports its own timeouts and lost connections with these messages (no code). */
const PG_CLIENT_MESSAGES = [
  'timeout exceeded when trying to connect',
  'Connection terminated',
  'Query read timeout',
  'connection timeout',
  'Client has encountered a connection error',
  'Cannot use a pool after calling end',
];

/** True when `e` (or an error it wraps, e.g. Drizzle's DrizzleQueryError) says the database is unavailable. */
export function isDatabaseUnavailable(e: unknown): boolean {
  for (let cur = e, depth = 0; cur instanceof Error && depth < 5; cur = cur.cause, depth++) {
    if (cur instanceof DatabaseUnavailableError) return true;
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code) || code.startsWith('08'))) return true;
    if (PG_CLIENT_MESSAGES.some((m) => cur instanceof Error && cur.message.includes(m))) return true;
    if (cur instanceof AggregateError && cur.errors.some((inner) => isDatabaseUnavailable(inner))) return true;
  }
  return false;
}
