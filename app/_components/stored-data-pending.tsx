/**
 * Stands in for a dashboard built from this browser's storage until the client has read it (the server cannot).
 * It holds a screen's height, so the footer starts below the fold and nothing visible moves when the dashboard
 * replaces it: without it Lighthouse measured a layout shift of 0.108 on /review.
 */
export function StoredDataPending({ children }: { children: React.ReactNode }) {
  return <p className="mt-6 min-h-screen text-muted">{children}</p>;
}
