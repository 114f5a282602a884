import 'server-only';
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** 256 random bits, URL-safe. Manage and attempt tokens; only their hash is stored. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/**
 * Whether `given` hashes to `storedHash`, compared in constant time. Both sides are fixed-length
 * SHA-256 digests, so the comparison leaks neither the token nor how much of it matched.
 */
export function secretMatches(given: string, storedHash: string): boolean {
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Join-code alphabet: no 0/O, 1/I/L, so a code read aloud or from a projector is typed right. */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;

export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

/** Normalises what a student typed ("abc 123" → "ABC123"); validation happens in the schema. */
export function normaliseJoinCode(raw: string): string {
  return raw.replace(/[\s-]/g, '').toUpperCase();
}
