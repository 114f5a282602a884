/** Exact fractions for shares and probabilities (see share.ts), and their one percent formatter (percent.ts). */
export { Fraction, Share, ZERO, ONE, share, formatShare, parseShare, sumShares } from './share';
export { sharePercent } from './percent';
