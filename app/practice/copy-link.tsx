'use client';
/**
 * A link to share, as a read-only field that wraps inside its box (never widening the page) with a Copy
 * button. The address is made absolute in the browser; the status is announced politely.
 */
import { useEffect, useId, useState } from 'react';

export function CopyLink({ path, label }: { path: string; label: string }) {
  const id = useId();
  const [url, setUrl] = useState(path);
  const [status, setStatus] = useState('');
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the origin is only known in the browser
    setUrl(new URL(path, window.location.origin).toString());
  }, [path]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setStatus('Link copied.');
    } catch {
      setStatus('Copying is not allowed here: select the link and copy it.');
    }
  };
  return (
    <div className="min-w-0 text-sm">
      <label htmlFor={id} className="block text-muted">
        {label}
      </label>
      <div className="mt-1 flex min-w-0 flex-wrap items-start gap-2">
        <textarea
          id={id}
          readOnly
          rows={2}
          value={url}
          onFocus={(e) => e.currentTarget.select()}
          className="min-w-0 flex-1 basis-56 resize-none break-all rounded border border-border bg-bg px-2 py-1 font-mono text-xs"
        />
        <button type="button" onClick={copy} className="rounded border border-border px-3 py-1">
          Copy link
        </button>
      </div>
      <p aria-live="polite" className="mt-1 text-muted">
        {status}
      </p>
    </div>
  );
}
