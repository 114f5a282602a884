import type { Metadata } from 'next';
import Link from 'next/link';
import { DEFAULT_STATE } from '@/lib/explorer/state';
import { Explorer } from '../_explorer/explorer';
import { runExplorer, runNodePort } from '../_explorer/run-engine';

export const metadata: Metadata = {
  title: 'Explorer',
  description: 'Move Pods, flip externalTrafficPolicy, drain nodes and watch a model of kube-proxy answer: shares, source IPs, health checks.',
};

export default function ExplorerPage() {
  // The default layout's runs, computed at build: the page's HTML holds the whole explorer (the artefacts'
  // commands included), and it hydrates without waiting for the engine's chunk, which the explorer needs only
  // for a change (its arrival then runs nothing).
  const initial = { state: DEFAULT_STATE, run: runExplorer(DEFAULT_STATE), nodePort: runNodePort(DEFAULT_STATE) };
  return (
    <article className="max-w-none">
      <h1 className="text-3xl font-bold">Service traffic explorer</h1>
      <p className="mt-2">
        Build a cluster layout and see what kube-proxy and the cloud load balancer do with it. The background is in{' '}
        <Link className="text-accent underline" href="/learn/external-traffic-policy">
          the externalTrafficPolicy article
        </Link>
        . To see your own cluster,{' '}
        <Link className="text-accent underline" href="/learn/import">
          import what kubectl prints
        </Link>
        .
      </p>
      <div id="explorer" className="scroll-mt-4">
        <Explorer initial={initial} />
      </div>
    </article>
  );
}
