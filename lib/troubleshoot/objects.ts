/**
 * The Kubernetes objects a scenario stands for, as kubectl would read them from the API server: the Service,
 * its EndpointSlice (one, named like the EndpointSlice controller names it) and the Pods. Read from the
 * engine's one door (`runScenario`): the Service after API defaulting, the endpoints with their conditions, the
 * hints as the EndpointSlice controller writes them (assignHints). Nothing about routing is decided here.
 */
import { assignHints, issuesText, runScenario, type Answer, type HintedEndpoint, type Scenario, type ScenarioInput } from '@/lib/engine';
import { hashSeed } from '@/lib/scenarios/random';
import type { PodRuntime, Workload } from './types';

export interface Cluster {
  scenario: Scenario;
  answer: Answer;
  /** The EndpointSlice's endpoints with their hints, in scenario order. */
  hinted: HintedEndpoint[];
}

const runs = new WeakMap<object, Cluster>();

/** Evaluates `input` once per object (later calls with the same object are free); throws on an unreadable scenario. */
export function clusterOf(input: ScenarioInput): Cluster {
  const hit = runs.get(input);
  if (hit) return hit;
  const run = runScenario(input);
  if (!run.ok) throw new Error(`lib/troubleshoot: the scenario cannot be read: ${issuesText(run.issues)}`);
  const cluster: Cluster = {
    scenario: run.scenario,
    answer: run.answer,
    hinted: assignHints(run.scenario.endpoints, run.scenario.service.trafficDistribution),
  };
  runs.set(input, cluster);
  return cluster;
}

/** utilrand.String's alphabet (k8s.io/apimachinery/pkg/util/rand: no vowels, no 0/1/3 and no look-alikes). */
const RAND_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
/** names.SimpleNameGenerator: maxGeneratedNameLength = 63 - 5 (apiserver/pkg/storage/names/generate.go). */
const MAX_GENERATED_NAME_LENGTH = 58;

/**
 * The EndpointSlice controller creates slices with generateName `<service>-` (endpointslice reconciler
 * getEndpointSlicePrefix) and the API server appends 5 random characters (SimpleNameGenerator.GenerateName).
 * Here the 5 characters are drawn from the same alphabet by the repo's FNV-1a hash of the Service name, so a
 * scenario always shows the same name.
 */
export function endpointSliceName(serviceName: string): string {
  let base = `${serviceName}-`;
  if (base.length > MAX_GENERATED_NAME_LENGTH) base = base.slice(0, MAX_GENERATED_NAME_LENGTH);
  let h = hashSeed(`endpointslice/${serviceName}`);
  let suffix = '';
  for (let i = 0; i < 5; i++) {
    suffix += RAND_ALPHABET[h % RAND_ALPHABET.length];
    h = Math.floor(h / RAND_ALPHABET.length);
  }
  return base + suffix;
}

/** The workload's age (every object's AGE), default "5m". */
export function ageOf(workload: Workload | undefined): string {
  return workload?.age ?? '5m';
}

/** One Pod's runtime facts, {} when the workload says nothing about it. */
export function runtimeOf(workload: Workload | undefined, pod: string): PodRuntime {
  return workload?.pods?.[pod] ?? {};
}
