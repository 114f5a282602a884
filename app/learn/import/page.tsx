import type { Metadata } from 'next';
import Link from 'next/link';
import { ImportTool } from './import-tool';

export const metadata: Metadata = {
  title: 'Explain my cluster',
  description: 'Paste what kubectl prints about your cluster and see what kube-proxy and the load balancer do with one of its Services — read in your browser, never sent to a server.',
};

export default function ImportPage() {
  return (
    <article className="max-w-none">
      <h1 className="text-3xl font-bold">Explain my cluster</h1>
      <p className="mt-2 max-w-3xl">
        Paste what kubectl prints about your cluster, or drop the file, and see the trainer’s predictions for one of its Services: which nodes pass the
        balancer’s health check, why one Pod gets more traffic than another, which source address the Pods see. It opens in{' '}
        <Link className="text-accent underline" href="/learn/explorer">
          the explorer
        </Link>
        .
      </p>
      <p className="mt-3 max-w-3xl rounded border border-border bg-surface p-3 text-sm" data-privacy>
        <strong>Nothing leaves your browser.</strong> The text is read by code running on this page; nothing is sent to the server. The imported scenario
        is kept in this tab’s session storage only, so that a reload keeps it; closing the tab forgets it. Secrets and other kinds in the paste are skipped
        unread.
      </p>
      <ImportTool />
    </article>
  );
}
