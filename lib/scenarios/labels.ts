/**
 * What pages call each question kind and difficulty. A leaf module (types only), so that a page naming kinds —
 * /progress, a drill's gradebook, a practice summary — does not load the generators and the engine with them.
 */
import type { Difficulty, QuestionKind } from './types';

export const KIND_LABELS: Record<QuestionKind, string> = {
  'source-ip': 'Source IP',
  'health-check': 'Health check',
  'load-share': 'Load share',
  'lb-targets': 'Balancer targets',
  'client-outcome': 'Client outcome',
  'cross-node': 'Crossing nodes',
  'policy-choice': 'Choosing a policy',
  'api-validation': 'API validation',
  'fix-it': 'Fix it',
  'in-cluster': 'In-cluster routing',
  'session-affinity': 'Session affinity',
  topology: 'Topology-aware routing',
  dns: 'Service DNS',
  'read-rules': 'Read the rules',
  troubleshooting: 'Troubleshooting',
};

export const DIFFICULTY_LABELS: Record<Difficulty, string> = {
  intro: 'Intro',
  standard: 'Standard',
  expert: 'Expert',
};
