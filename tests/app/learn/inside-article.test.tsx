/** @jest-environment jsdom */
import { readFileSync } from 'node:fs';
import { TextEncoder } from 'node:util';
import { render, screen } from '@testing-library/react';
import { evaluate, type Answer } from '@/lib/engine';
import { readScenarioText } from '@/lib/engine/text';
import Article from '@/content/inside-the-cluster.mdx';
import InsideTheClusterPage from '@/app/learn/inside-the-cluster/page';

// jsdom has no TextEncoder; the engine's reader uses it to measure the text.
globalThis.TextEncoder ??= TextEncoder as typeof globalThis.TextEncoder;

const source = readFileSync('content/inside-the-cluster.mdx', 'utf8');
function answerOf(name: string): Answer {
  const read = readScenarioText(readFileSync(`content/scenarios/${name}.yaml`, 'utf8'), 'yaml');
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  return evaluate(read.scenario);
}
const at = (root: unknown, path: string) => path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], root);

describe('the inside-the-cluster article', () => {
  it('renders as the page, with one h1 and a section per topic', () => {
    render(<InsideTheClusterPage />);
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    const h2 = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    for (const section of ['TL;DR', 'Who calls, and what the backend sees', 'internalTrafficPolicy: Local', 'Session affinity', 'Topology: trafficDistribution', 'Key takeaways']) {
      expect(h2).toContain(section);
    }
  });

  it('shows every inline fact exactly as the engine computes it', () => {
    const { container } = render(<Article />);
    const facts = [...container.querySelectorAll<HTMLElement>('[data-fact]')];
    expect(facts.length).toBe((source.match(/<Fact /g) ?? []).length);
    expect(facts.length).toBeGreaterThan(8);
    for (const el of facts) {
      const [name, path] = (el.dataset.fact ?? '').split(':') as [string, string];
      expect({ fact: el.dataset.fact, text: el.textContent }).toEqual({ fact: el.dataset.fact, text: String(at(answerOf(name), path)) });
    }
  });

  it('says what the engine says where the prose states a verdict', () => {
    // The prose claims: no endpoints → refused; iTP Local without a local endpoint → dropped;
    // PreferClose with an empty zone → every Pod; PreferSameNode without a local Pod → the zone's, not the other zone's.
    expect(answerOf('inside-no-endpoints').flows[0]!.verdict).toBe('rejected');
    expect(answerOf('inside-itp-local').flows.map((f) => f.verdict)).toEqual(['forwarded', 'dropped']);
    expect(answerOf('inside-prefer-close').flows[2]!.backends.map((b) => b.pod)).toEqual(['api-1', 'api-2', 'api-3', 'api-4']);
    expect(answerOf('inside-prefer-same-node').flows[1]!.backends.map((b) => b.pod)).toEqual(['cache-a']);
    expect(answerOf('inside-clusterip').flows[1]!.masquerade).toBe(true);
    expect(answerOf('inside-clusterip').flows[0]!.masquerade).toBe(false);
  });
});
