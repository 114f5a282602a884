/** Problems with an import, each naming the document (1-based), the field path inside it and, when known, the line. */
export interface ImportIssue {
  document: number;
  /** Path from the document's root, e.g. `items[3].spec.podCIDR`; empty for the document itself. */
  path: string;
  line?: number;
  message: string;
}

/** `document 1, items[3].spec.podCIDR (line 120): must be …` */
export function formatImportIssue(issue: ImportIssue): string {
  const where = issue.path === '' ? `document ${issue.document}` : `document ${issue.document}, ${issue.path}`;
  return `${where}${issue.line === undefined ? '' : ` (line ${issue.line})`}: ${issue.message}`;
}
