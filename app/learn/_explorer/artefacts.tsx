/**
 * Real-cluster artefacts for a layout: manifests, kind config and the commands that check the prediction.
 * artefactTexts (with the `yaml` package) computes them: on the server for the default layout, in the browser for
 * the others, loaded when a reader first reaches for the controls (issue 18); ArtefactsView shows them, one
 * component either way, so a block a reader opened stays open when the layout changes.
 */
import type { Answer } from '@/lib/engine';
import type { ExplorerState } from '@/lib/explorer/state';
import { curlCommands } from '@/lib/explorer/commands';
import { deploymentManifests, kindConfig, serviceManifest } from '@/lib/explorer/manifests';

export interface ArtefactTexts {
  service: string;
  deployments: string;
  kind: string;
  /** Null when the layout's NodePort traffic could not be evaluated: the commands are left out. */
  commands: string | null;
}

export function artefactTexts(state: ExplorerState, answer: Answer, nodePortAnswer: Answer | null): ArtefactTexts {
  return {
    service: serviceManifest(state),
    deployments: deploymentManifests(state),
    kind: kindConfig(state),
    commands: nodePortAnswer && curlCommands(state, answer, nodePortAnswer),
  };
}
