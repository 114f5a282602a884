/**
 * The learning path: topics in the order a learner should take them, each as read → explore → practise.
 * Pure data (no React): the home page and /learn render it, and the learner's mastery of a topic is
 * the mastery of its concepts.
 */
import { CONCEPTS, type ConceptId } from '@/lib/scenarios/concepts';
import type { QuestionKind } from '@/lib/scenarios/types';

export interface LearningTopic {
  id: string;
  title: string;
  /** One sentence: what the learner will be able to predict. */
  goal: string;
  /** The article to read (a route), and the section to start at, if not the top. */
  read: { href: string; label: string };
  /** Where to try it by hand; absent when the explorer cannot show the topic yet. */
  explore?: { href: string; label: string };
  /** The question kinds that practise it. */
  kinds: readonly QuestionKind[];
}

export const LEARNING_PATH: readonly LearningTopic[] = [
  {
    id: 'external-traffic',
    title: 'Traffic from outside: Cluster and Local',
    goal: 'Predict the source address a Pod sees, which nodes pass the health check, and each Pod’s share of the load.',
    read: { href: '/learn/external-traffic-policy', label: 'Read: externalTrafficPolicy' },
    explore: { href: '/learn/explorer', label: 'Explore a cluster' },
    kinds: ['source-ip', 'health-check', 'load-share', 'lb-targets', 'client-outcome', 'cross-node', 'policy-choice', 'fix-it'],
  },
  {
    id: 'inside-the-cluster',
    title: 'Inside the cluster: ClusterIP, DNS, affinity, topology',
    goal: 'Predict what a Pod’s lookup of a Service returns and where its call to the ClusterIP goes, with internalTrafficPolicy, session affinity and trafficDistribution.',
    read: { href: '/learn/inside-the-cluster', label: 'Read: inside the cluster' },
    kinds: ['in-cluster', 'session-affinity', 'topology', 'dns'],
  },
  {
    id: 'troubleshooting',
    title: 'Troubleshooting a Service',
    goal: 'Go from a symptom (refused, a timeout, the wrong client address, uneven load, no DNS answer) to its cause and fix.',
    read: { href: '/learn/troubleshooting', label: 'Read: troubleshooting' },
    kinds: ['troubleshooting', 'read-rules'],
  },
  {
    id: 'api-validation',
    title: 'What the API server accepts',
    goal: 'Predict which Service manifests the API server refuses, and its exact message.',
    read: { href: '/learn/external-traffic-policy#what-the-field-is-and-where-it-applies', label: 'Read: where the field applies' },
    kinds: ['api-validation'],
  },
];

/** The practice link for a topic: a short standard session over its kinds (the settings page when it has none yet). */
export function practiceHref(topic: LearningTopic): string {
  if (topic.kinds.length === 0) return '/practice';
  return `/practice?difficulty=standard&count=5&kinds=${topic.kinds.join(',')}`;
}

/** The concepts whose mastery a topic shows: those its question kinds test (one list of concepts, lib/scenarios). */
export function topicConcepts(topic: LearningTopic): ConceptId[] {
  return CONCEPTS.filter((c) => c.kinds.some((k) => topic.kinds.includes(k))).map((c) => c.id);
}
