import { formatIssue, type Issue } from '@/lib/validation/issues';

/** Problems with an import: an Issue (path from the document's root, e.g. `items[3].spec.podCIDR`) and which document (1-based). */
export interface ImportIssue extends Issue {
  document: number;
}

/** `document 1, items[3].spec.podCIDR (line 120): must be …` */
export function formatImportIssue(issue: ImportIssue): string {
  const doc = `document ${issue.document}`;
  return formatIssue({ ...issue, path: issue.path === '' ? '' : `${doc}, ${issue.path}` }, doc);
}
