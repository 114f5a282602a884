/** Exact fractions for shares and probabilities (see share.ts). */
export { Fraction, Share, ZERO, ONE, share, formatShare, parseShare, sumShares } from './share';
