/** policy-choice from the oracle model (no engine): the same cluster under each policy, every requirement checked. */
import type { ScenarioInput } from '@/lib/engine';
import { holds, model, type OProperty } from './external-model';

export function withPolicy(s: ScenarioInput, policy: 'Cluster' | 'Local'): ScenarioInput {
  const spec = { ...s.service.spec, externalTrafficPolicy: policy };
  if (policy === 'Cluster') delete spec.healthCheckNodePort;
  return { ...s, service: { ...s.service, spec } };
}

export function policyChoiceOracle(s: ScenarioInput, ask: { required: OProperty[] }): Record<string, string> {
  const meets = (p: 'Cluster' | 'Local') => {
    const m = model(withPolicy(s, p));
    return ask.required.every((r) => holds(m, r));
  };
  const c = meets('Cluster');
  const l = meets('Local');
  return { policy: c && l ? 'either' : c ? 'Cluster' : l ? 'Local' : 'neither' };
}
