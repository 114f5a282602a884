/**
 * Real-cluster artefacts for the current layout: manifests, kind config and the commands that check the
 * prediction. No hooks, so a Server Component too: the explorer page renders it for the default layout on the
 * server, and the browser loads it (and the `yaml` package) with the engine, for other layouts only (issue 18).
 */
import type { Answer } from '@/lib/engine';
import type { ExplorerState } from '@/lib/explorer';
import { curlCommands } from '@/lib/explorer/commands';
import { deploymentManifests, kindConfig, serviceManifest } from '@/lib/explorer/manifests';
import { ARTEFACTS_TITLE } from './artefacts-title';

function Block({ title, text }: { title: string; text: string }) {
  return (
    <details className="rounded-lg border border-border p-2">
      <summary className="cursor-pointer font-semibold">{title}</summary>
      <pre className="mt-2 overflow-x-auto rounded bg-surface p-2 text-xs" tabIndex={0} aria-label={title}>
        <code>{text}</code>
      </pre>
    </details>
  );
}

/** `nodePortAnswer` null: the layout's NodePort traffic could not be evaluated, so the commands are left out. */
export function Artefacts({ state, answer, nodePortAnswer }: { state: ExplorerState; answer: Answer; nodePortAnswer: Answer | null }) {
  return (
    <section aria-labelledby="explorer-artefacts" className="flex flex-col gap-2">
      <h3 id="explorer-artefacts" className="text-lg font-semibold">
        {ARTEFACTS_TITLE}
      </h3>
      <Block title="Service manifest" text={serviceManifest(state)} />
      <Block title="Deployments that reproduce the placement" text={deploymentManifests(state)} />
      <Block title="kind cluster config" text={kindConfig(state)} />
      {nodePortAnswer && <Block title="Commands that show the same answers" text={curlCommands(state, answer, nodePortAnswer)} />}
    </section>
  );
}
