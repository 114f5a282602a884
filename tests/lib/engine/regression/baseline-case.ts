/** One stored case of the regression baseline (capture-baseline.ts writes them, regression.test.ts reads them). */
export interface BaselineCase {
  id: string;
  /** The scenario as text (content files), with its format, or as a value (`scenario`). */
  text?: string;
  format?: 'yaml' | 'json';
  scenario?: unknown;
  answer: unknown;
}
