/**
 * The one home of the Service-level flags (routing-semantics.md §1, R-API-1, R-HC-1). The API-sense
 * predicate used to exist twice: serviceFlags counted externalIPs on any type, the reader's copy only on
 * type ClusterIP (API-SVC1 ExternallyAccessible). R-API-1 is the ClusterIP-only form.
 */
import { externallyAccessible, needsHealthCheck, serviceFlags } from '@/lib/engine';
import type { ServiceModel } from '@/lib/engine/model';
import { buildScenario } from '../support/scenario-builder';

const svc = (service: Partial<ServiceModel>): ServiceModel =>
  buildScenario({ nodes: [{ name: 'node-a', ip: '192.168.1.10' }], service }).service;

describe('externallyAccessible (R-API-1)', () => {
  it('holds for NodePort and LoadBalancer, and for ClusterIP only with externalIPs', () => {
    expect(externallyAccessible({ type: 'NodePort', externalIPs: [] })).toBe(true);
    expect(externallyAccessible({ type: 'LoadBalancer', externalIPs: [] })).toBe(true);
    expect(externallyAccessible({ type: 'ClusterIP', externalIPs: [] })).toBe(false);
    expect(externallyAccessible({ type: 'ClusterIP', externalIPs: ['203.0.113.7'] })).toBe(true);
  });
  it('does not hold for a type other than the three, even with externalIPs (where the two copies disagreed)', () => {
    // ExternalName is not in the scenario format; the predicate still follows API-SVC1 for it.
    const externalName = { type: 'ExternalName' as ServiceModel['type'], externalIPs: ['203.0.113.7'] };
    expect(externallyAccessible(externalName)).toBe(false);
    expect(needsHealthCheck({ ...externalName, externalTrafficPolicy: 'Local' })).toBe(false);
  });
});

describe('serviceFlags uses the same predicates', () => {
  it('a ClusterIP Service with externalIPs and eTP Local is externally accessible and external-policy-local, with no health check', () => {
    const f = serviceFlags(svc({ type: 'ClusterIP', externalIPs: ['203.0.113.7'], externalTrafficPolicy: 'Local' }));
    expect(f.externallyAccessible).toBe(true);
    expect(f.externalPolicyLocal).toBe(true);
    expect(f.needsHealthCheck).toBe(false);
  });
  it('only a LoadBalancer with eTP Local needs a health check (R-HC-1); a NodePort with eTP Local does not', () => {
    expect(serviceFlags(svc({ type: 'LoadBalancer', externalTrafficPolicy: 'Local' })).needsHealthCheck).toBe(true);
    expect(serviceFlags(svc({ type: 'NodePort', externalTrafficPolicy: 'Local' })).needsHealthCheck).toBe(false);
    expect(serviceFlags(svc({ type: 'LoadBalancer', externalTrafficPolicy: 'Cluster' })).needsHealthCheck).toBe(false);
  });
  it('an ExternalName-typed model with externalIPs is not external-policy-local (the old serviceFlags said it was)', () => {
    const f = serviceFlags(svc({ type: 'ExternalName' as ServiceModel['type'], externalIPs: ['203.0.113.7'], externalTrafficPolicy: 'Local' }));
    expect(f.externallyAccessible).toBe(false);
    expect(f.externalPolicyLocal).toBe(false);
  });
});
