import type { Metadata } from 'next';
import Link from 'next/link';
import { DEFAULT_STATE } from '@/lib/explorer/state';
import { artefactTexts } from '../_explorer/artefacts';
import { Explorer } from '../_explorer/explorer';
import { ExplorerDetails } from '../_explorer/explorer-details';
import { renderFor } from '../_explorer/rules-render';
import { defaultRulesMode, defaultRulesNode } from '../_explorer/rules-view';
import { runExplorer, runNodePort } from '../_explorer/run-engine';

export const metadata: Metadata = {
  title: 'Explorer',
  description: 'Move Pods, flip externalTrafficPolicy, drain nodes and watch a model of kube-proxy answer: shares, source IPs, health checks.',
};

/**
 * The default layout's run and the views below its diagram, computed at build: the page's HTML holds the whole
 * explorer (the rules and the artefacts' commands included), it hydrates without waiting for the engine's chunk
 * (which the explorer needs only for a change), and the views' code (the rule renderers, `yaml`) is not on the
 * first load (issue 18).
 */
function initialRun() {
  const state = DEFAULT_STATE;
  const run = runExplorer(state);
  if (!run.ok) throw new Error(`The explorer's default layout cannot be evaluated: ${run.error}`);
  // The explorer below is at heading level 2, so its details are at level 3.
  const details = <ExplorerDetails scenario={run.scenario} answer={run.answer} focus={run.answer.flows[run.focusFlow]} headingLevel={3} />;
  // The rules panel's starting rules (its mode and node as it picks them).
  const mode = defaultRulesMode(run.scenario);
  const node = defaultRulesNode(run.scenario, run.answer, run.focusFlow);
  const rules = { mode, node, rendered: renderFor(run.scenario, run.answer, run.focusFlow, mode, node) };
  const artefacts = artefactTexts(state, run.answer, runNodePort(state));
  return { state, run, details, rules, artefacts };
}

export default function ExplorerPage() {
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
        <Explorer headingLevel={2} initial={initialRun()} />
      </div>
    </article>
  );
}
