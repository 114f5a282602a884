/** @jest-environment jsdom */
import { readFileSync } from 'node:fs';
import { TextEncoder } from 'node:util';
import { render, screen, within } from '@testing-library/react';
import { evaluate } from '@/lib/engine';
import { readScenarioText } from '@/lib/engine/text';
import { ClusterDiagram } from '@/app/_components/cluster-diagram';

// jsdom has no TextEncoder; the engine's reader uses it to measure the text.
globalThis.TextEncoder ??= TextEncoder as typeof globalThis.TextEncoder;

function load(name: string) {
  const read = readScenarioText(readFileSync(`content/scenarios/${name}.yaml`, 'utf8'), 'yaml');
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  return { scenario: read.scenario, answer: evaluate(read.scenario) };
}

const rowOf = (table: HTMLElement, header: string) => within(table).getByRole('rowheader', { name: header }).closest('tr') as HTMLElement;
const cells = (row: HTMLElement) => within(row).getAllByRole('cell').map((c) => c.textContent);

describe('ClusterDiagram', () => {
  it('is a labelled figure whose SVGs (a row and a stack of nodes; CSS shows one) are images described by its title and a summary', () => {
    const { scenario, answer } = load('article-uneven-local');
    const { container } = render(<ClusterDiagram scenario={scenario} answer={answer} title="Uneven Local" />);
    const imgs = screen.getAllByRole('img', { name: /Uneven Local/ });
    expect(imgs.map((i) => i.getAttribute('data-variant'))).toEqual(['row', 'stack']);
    for (const img of imgs) expect(img).toHaveAccessibleDescription(/3 nodes and 4 Pods/);
    expect(screen.getByRole('figure', { name: /Uneven Local/ })).toBeInTheDocument();
    // Nothing scrolls sideways any more: no scrolling region to reach by keyboard.
    expect(screen.queryByRole('region', { name: /Uneven Local: diagram/ })).not.toBeInTheDocument();
    expect(new Set([...container.querySelectorAll('[id]')].map((e) => e.id)).size).toBe(container.querySelectorAll('[id]').length);
  });

  it.each(['article-uneven-local', 'article-cluster-uneven', 'article-uneven-window', 'article-terminating-local', 'article-draining-cluster'])(
    '%s: the node table shows exactly the engine’s balancer shares, health checks and /healthz answers',
    (name) => {
      const { scenario, answer } = load(name);
      render(<ClusterDiagram scenario={scenario} answer={answer} title="Figure" />);
      const table = screen.getByRole('table', { name: 'Figure: nodes' });
      for (const node of scenario.cluster.nodes) {
        const [lbShare, hc, healthz] = cells(rowOf(table, node.name));
        expect(lbShare).toBe(answer.loadBalancer?.[node.name]);
        const check = answer.healthChecks?.nodes[node.name];
        expect(hc).toBe(check ? `${check.status} (localEndpoints ${check.headers['X-Load-Balancing-Endpoint-Weight']})` : 'none');
        expect(healthz).toBe(String(answer.proxyHealth?.[node.name]?.healthz));
      }
    },
  );

  it.each(['article-uneven-local', 'article-cluster-uneven', 'article-ipvs-local'])(
    '%s: the Pod table shows exactly the engine’s Pod shares and every source IP the Pod sees',
    (name) => {
      const { scenario, answer } = load(name);
      render(<ClusterDiagram scenario={scenario} answer={answer} title="Figure" />);
      const table = screen.getByRole('table', { name: 'Figure: Pods' });
      for (const pod of scenario.cluster.pods) {
        const row = cells(rowOf(table, pod.pod));
        expect(row[2]).toBe(answer.shares?.pods[pod.pod]);
        const ips = new Set(answer.flows.flatMap((f) => f.backends.filter((b) => b.pod === pod.pod && b.probability !== '0').map((b) => b.sourceIp)));
        for (const ip of ips) expect(row[3]).toContain(ip);
      }
    },
  );

  it('draws every share as text in the SVG, and the highlighted flow’s probabilities', () => {
    const { scenario, answer } = load('article-uneven-local');
    const { container } = render(<ClusterDiagram scenario={scenario} answer={answer} highlightFlow={0} title="Walk" />);
    const texts = [...container.querySelectorAll('svg[data-variant=row] text')].map((t) => t.textContent);
    for (const share of Object.values(answer.shares?.pods ?? {})) expect(texts).toContain(share);
    for (const b of answer.flows[0]?.backends ?? []) expect(texts).toContain(`→ ${b.probability}`);
    expect(screen.getByRole('columnheader', { name: 'Probability in the highlighted flow' })).toBeInTheDocument();
  });

  it.each([
    ['article-terminating-local', 'web-b-1', 'terminating, serving'],
    ['article-no-endpoints', 'web-a-1', 'not ready'],
    ['article-uneven-local', 'web-a-1', 'ready'],
    ['article-inside-traffic', 'client', 'not selected by the Service'],
  ])('%s: names the state of %s in words, not only colour (%s)', (name, pod, state) => {
    const { scenario, answer } = load(name);
    const { container } = render(<ClusterDiagram scenario={scenario} answer={answer} title="States" />);
    expect(cells(rowOf(screen.getByRole('table', { name: 'States: Pods' }), pod))[1]).toBe(state);
    expect([...container.querySelectorAll('svg[data-variant=stack] text')].some((t) => t.textContent?.startsWith(state))).toBe(true);
  });

  it('marks SNAT and drops on the nodes where the engine says so', () => {
    const cluster = load('article-cluster-uneven');
    const local = load('article-uneven-local');
    const { container, rerender } = render(<ClusterDiagram scenario={cluster.scenario} answer={cluster.answer} title="M" />);
    const marks = () => [...container.querySelectorAll('svg[data-variant=row] text')].map((t) => t.textContent ?? '').filter((t) => /SNAT|DROP|REJECT/.test(t));
    expect(marks()).toHaveLength(cluster.answer.flows.filter((f) => f.masquerade).length);
    rerender(<ClusterDiagram scenario={local.scenario} answer={local.answer} title="M" />);
    expect(marks()).toEqual(local.answer.flows.filter((f) => f.verdict === 'dropped').map(() => '✕ DROP'));
  });

  it('draws the layout without an answer (no shares yet)', () => {
    const { scenario } = load('article-uneven-local');
    render(<ClusterDiagram scenario={scenario} answer={null} title="Blank" />);
    expect(cells(rowOf(screen.getByRole('table', { name: 'Blank: Pods' }), 'web-a-1'))[2]).toBe('—');
  });

  it('draws traffic from inside from its sender: no client or balancer, the sending Pod or node marked', () => {
    const { scenario, answer } = load('article-inside-traffic');
    const fromPod = answer.flows.findIndex((f) => f.from.startsWith('pod/'));
    const fromNode = answer.flows.findIndex((f) => f.from.startsWith('node/'));
    expect(fromPod).toBeGreaterThanOrEqual(0);
    const texts = (flow: number) => {
      const { container, unmount } = render(<ClusterDiagram scenario={scenario} answer={answer} highlightFlow={flow} title="Inside" />);
      const svg = container.querySelector('svg[data-variant=row]') as SVGSVGElement;
      const out = { all: [...svg.querySelectorAll('text')].map((t) => t.textContent ?? ''), flows: svg.querySelectorAll('path[data-flow]').length };
      unmount();
      return out;
    };
    const pod = texts(fromPod);
    expect(pod.all).not.toContain('Client');
    expect(pod.all).not.toContain('Load balancer');
    expect(pod.all).toContain('sender ⇢');
    expect(pod.flows).toBe(answer.flows[fromPod]!.backends.filter((b) => b.probability !== '0').length);
    if (fromNode >= 0) expect(texts(fromNode).all).toContain('sender ⇢');
    const outside = answer.flows.findIndex((f) => f.from === 'external');
    if (outside >= 0) expect(texts(outside).all).toContain('Client');
  });

  it.each(['article-cilium-dsr', 'article-cilium-snat'])('%s: no kube-proxy, so no :10256/healthz in the figure or its table', (name) => {
    const { scenario, answer } = load(name);
    const { container } = render(<ClusterDiagram scenario={scenario} answer={answer} title="Cilium" />);
    expect(container.textContent).not.toMatch(/10256|healthz/);
    expect(screen.queryByRole('columnheader', { name: /healthz/ })).not.toBeInTheDocument();
    const ipt = load('article-cluster-uneven');
    const { container: other } = render(<ClusterDiagram scenario={ipt.scenario} answer={ipt.answer} title="kube-proxy" />);
    expect(other.textContent).toMatch(/\/healthz :10256/);
  });
});

describe('ClusterDiagram names the balancer family (issue 12 item 10)', () => {
  const base = `
cluster:
  nodes:
    - {name: node-a, ip: 10.0.0.11, podCIDR: 10.244.1.0/24, zone: zone-a}
    - {name: node-b, ip: 10.0.0.12, podCIDR: 10.244.2.0/24, zone: zone-a}
    - {name: node-c, ip: 10.0.0.13, podCIDR: 10.244.3.0/24, zone: zone-b}
  pods:
    - {name: web-1, node: node-a, ip: 10.244.1.5, labels: {app: web}}
    - {name: web-2, node: node-c, ip: 10.244.3.5, labels: {app: web}}
service:
  metadata: {name: web}
  spec: {type: LoadBalancer, selector: {app: web}, ports: [{port: 80, targetPort: 8080, nodePort: 30080}]}
  status: {loadBalancer: {ingress: [{ip: 203.0.113.10}]}}
`;
  const draw = (loadBalancer: string) => {
    const read = readScenarioText(`${base}loadBalancer: ${loadBalancer}\n`, 'yaml');
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    const { container } = render(<ClusterDiagram scenario={read.scenario} answer={evaluate(read.scenario)} title="Family" />);
    const svg = container.querySelector('svg[data-variant="row"]') as SVGElement;
    return { box: svg.querySelector('[data-box="load-balancer"]')?.textContent ?? '', nodes: [...svg.querySelectorAll('[data-box="node"]')].map((n) => n.textContent ?? '') };
  };

  it('MetalLB layer 2: the family and the leader (the spec’s test vector: node-c leads 203.0.113.10)', () => {
    const { box } = draw('{provider: metallb-l2}');
    expect(box).toContain('MetalLB (layer 2)');
    expect(box).toContain('leader node-c');
  });

  it('AWS NLB with cross-zone off: the family, the per-zone split and each node’s zone', () => {
    const { box, nodes } = draw('{provider: aws-nlb, crossZone: false}');
    expect(box).toContain('AWS NLB');
    expect(box).toContain('cross-zone off');
    expect(nodes.find((n) => n.includes('node-c'))).toContain('zone-b');
  });

  it.each([
    ['{provider: azure}', 'Azure Standard LB'],
    ['{provider: metallb-bgp}', 'MetalLB (BGP)'],
  ])('%s is labelled %s', (lb, label) => {
    expect(draw(lb).box).toContain(label);
  });
});

describe('ClusterDiagram draws node zones (issue 13)', () => {
  const zoned = (zones: Array<string | null>) => {
    const nodes = zones
      .map((z, i) => `    - {name: node-${'abcd'[i]}, ip: 10.0.0.1${i}, podCIDR: 10.244.${i + 1}.0/24${z ? `, zone: ${z}` : ''}}`)
      .join('\n');
    const read = readScenarioText(
      `cluster:\n  nodes:\n${nodes}\n  pods:\n    - {name: web-1, node: node-a, ip: 10.244.1.5, labels: {app: web}}\n` +
        'service:\n  metadata: {name: web}\n  spec: {type: LoadBalancer, selector: {app: web}, ports: [{port: 80, targetPort: 8080, nodePort: 30080}]}\n' +
        '  status: {loadBalancer: {ingress: [{ip: 203.0.113.10}]}}\n',
      'yaml',
    );
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    return render(<ClusterDiagram scenario={read.scenario} answer={evaluate(read.scenario)} title="Zones" />);
  };
  const num = (e: Element, a: string) => Number(e.getAttribute(a));

  it('a labelled box per run of nodes in one zone, around exactly those nodes, in both arrangements', () => {
    const { container } = zoned(['zone-a', 'zone-a', 'zone-b', null]);
    for (const variant of ['row', 'stack']) {
      const svg = container.querySelector(`svg[data-variant="${variant}"]`) as SVGElement;
      const zones = [...svg.querySelectorAll('[data-box="zone"]')];
      // The label is the zone's name (the <title> inside the text gives the full sentence).
      expect(zones.map((z) => z.querySelector('text')?.lastChild?.textContent)).toEqual(['zone-a', 'zone-b']);
      expect(zones.map((z) => z.querySelector('title')?.textContent)).toEqual(['zone zone-a: node-a, node-b', 'zone zone-b: node-c']);
      const nodeRects = [...svg.querySelectorAll('[data-box="node"] > rect')];
      const inside = (zone: Element, node: Element) => {
        const z = zone.querySelector('rect')!;
        return (
          num(node, 'x') >= num(z, 'x') &&
          num(node, 'y') >= num(z, 'y') &&
          num(node, 'x') + num(node, 'width') <= num(z, 'x') + num(z, 'width') &&
          num(node, 'y') + num(node, 'height') <= num(z, 'y') + num(z, 'height')
        );
      };
      // node-a and node-b in zone-a's box, node-c in zone-b's, node-d (no zone) in none.
      expect(nodeRects.map((n) => zones.map((z) => inside(z, n)))).toEqual([
        [true, false],
        [true, false],
        [false, true],
        [false, false],
      ]);
    }
  });

  it('says the zones in words: the SVG description, the caption key and a Zone column in the node table', () => {
    zoned(['zone-a', 'zone-b', 'zone-a']);
    for (const img of screen.getAllByRole('img', { name: /Zones/ }))
      expect(img).toHaveAccessibleDescription(/Zones: zone-a: node-a, node-c; zone-b: node-b\./);
    expect(screen.getByRole('figure', { name: /Zones/ })).toHaveTextContent('a dotted box groups the nodes of one zone');
    const table = screen.getByRole('table', { name: 'Zones: nodes' });
    expect(['node-a', 'node-b', 'node-c'].map((n) => cells(rowOf(table, n))[0])).toEqual(['zone-a', 'zone-b', 'zone-a']);
  });

  it('draws no zone box and no Zone column when no node has a zone', () => {
    const { container } = zoned([null, null]);
    expect(container.querySelectorAll('[data-box="zone"]')).toHaveLength(0);
    expect(within(screen.getByRole('table', { name: 'Zones: nodes' })).queryByRole('columnheader', { name: 'Zone' })).toBeNull();
  });
});
