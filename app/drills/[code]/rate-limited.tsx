/** Shown instead of a drill when this network has looked up too many join codes in the last minute. */
export function RateLimitedNotice({ retryAfterSeconds }: { retryAfterSeconds: number }) {
  return (
    <section className="space-y-4">
      <h1 className="text-3xl font-bold">Too many requests</h1>
      <p role="status" className="rounded border border-border bg-surface p-4">
        Too many drill lookups came from your network in the last minute. Try again in {retryAfterSeconds} second
        {retryAfterSeconds === 1 ? '' : 's'}.
      </p>
    </section>
  );
}
