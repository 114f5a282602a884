/** Exact fractions for shares and probabilities (see share.ts). */
export { Fraction, ZERO, ONE, share, formatShare, parseShare, sumShares } from './share';
export type { Share } from './share';
