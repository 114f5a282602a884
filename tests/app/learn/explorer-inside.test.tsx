/** @jest-environment jsdom */
/**
 * The explorer's controls for inside traffic: destination, internalTrafficPolicy, session affinity, zones and
 * trafficDistribution. Each edit must reach the URL and every figure must then show the engine's answer for it.
 */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { evaluate, parseScenario } from '@/lib/engine';
import { URL_PARAM, decodeState, toScenario, type ExplorerState } from '@/lib/explorer';
import { Explorer } from '@/app/learn/_explorer';
import { renderExplorer } from './support/render-explorer';

const layoutInUrl = () => new URLSearchParams(window.location.search).get(URL_PARAM);
const stateInUrl = () => {
  const d = decodeState(layoutInUrl() ?? '');
  if (!d.ok) throw new Error(d.issues[0]?.message);
  return d.state;
};
function walked(state: ExplorerState) {
  const { input, focusFlow } = toScenario(state);
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return evaluate(parsed.scenario).flows[focusFlow]!;
}
/** The probabilities in the walk's "where the connection lands" table, by Pod. */
function walkOdds(name: RegExp): Record<string, string> {
  const table = within(screen.getByRole('region', { name })).getByRole('table');
  return Object.fromEntries(
    within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => [
        within(row).getByRole('rowheader').textContent!,
        within(row).getAllByRole('cell')[0]!.textContent!,
      ]),
  );
}
const summary = () => document.querySelector('[data-explorer-summary]')!.textContent;

// The whole explorer renders (diagram, rules, artefacts); role queries over it are slow on shared cores.
jest.setTimeout(30_000);
beforeEach(() => window.history.replaceState(null, '', '/learn/explorer'));

describe('explorer controls for inside traffic', () => {
  it('shows a destination only for an inside sender, defaulting to the ClusterIP, and the walk follows it', async () => {
    const user = userEvent.setup();
    await renderExplorer(<Explorer />);
    expect(screen.queryByRole('combobox', { name: 'Destination' })).toBeNull();
    await user.selectOptions(screen.getByRole('combobox', { name: 'From' }), 'pod');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sender’s node' }), 'node-c');
    expect(screen.getByRole('combobox', { name: 'Destination' })).toHaveValue('clusterIP');
    expect(layoutInUrl()).toBe('1.L.it.h.nk.abc.arararbr.pc.dc');
    // Hand-derived (R-INT-1): the Cluster set, 4 ready endpoints, 1/4 each.
    expect(walkOdds(/^From Pod client to the ClusterIP arriving at node-c$/)).toEqual({
      'web-1': '1/4',
      'web-2': '1/4',
      'web-3': '1/4',
      'web-4': '1/4',
    });

    await user.selectOptions(screen.getByRole('combobox', { name: 'Destination' }), 'nodePort');
    expect(stateInUrl().destination).toBe('nodePort');
    expect(
      screen.getByRole('region', { name: /^From Pod client to the NodePort arriving at node-c$/ }),
    ).toBeInTheDocument();
    expect(walkOdds(/^From Pod client to the NodePort arriving at node-c$/)).toEqual(
      Object.fromEntries(walked(stateInUrl()).backends.map((b) => [b.pod, b.probability])),
    );
  });

  it('internalTrafficPolicy Local drops a Pod’s ClusterIP traffic on a node with no endpoint', async () => {
    const user = userEvent.setup();
    window.history.replaceState(null, '', `/learn/explorer?${URL_PARAM}=1.L.it.h.nk.abc.arararbr.pc.dc`);
    await renderExplorer(<Explorer />);
    const itp = screen.getByRole('combobox', { name: 'internalTrafficPolicy (ClusterIP traffic)' });
    await user.selectOptions(itp, 'Local');
    expect(itp).toHaveValue('Local');
    expect(stateInUrl().internalLocal).toBe(true);
    // R-INT-3: node-c has no endpoint of its own.
    expect(summary()).toContain('Traffic from Pod client to the ClusterIP: dropped');
    expect(
      screen.getByRole('region', { name: /^From Pod client to the ClusterIP arriving at node-c$/ }),
    ).toHaveTextContent('R-INT-3');
  });

  it('ClientIP affinity shows a timeout that applies only valid seconds, and the summary says connections stick', async () => {
    const user = userEvent.setup();
    window.history.replaceState(null, '', `/learn/explorer?${URL_PARAM}=1.L.it.h.nk.abc.arararbr.pc.dc`);
    await renderExplorer(<Explorer />);
    expect(screen.queryByRole('spinbutton', { name: 'Affinity timeout (seconds)' })).toBeNull();
    await user.selectOptions(screen.getByRole('combobox', { name: 'sessionAffinity' }), 'ClientIP');
    const timeout = screen.getByRole('spinbutton', { name: 'Affinity timeout (seconds)' });
    expect(timeout).toHaveValue(10800);
    await user.clear(timeout);
    await user.type(timeout, '60');
    expect(stateInUrl().affinity).toEqual({ timeoutSeconds: 60 });
    expect(summary()).toContain(
      'the client then sticks to one Pod for 60 s',
    );
    await user.clear(timeout);
    await user.type(timeout, '0');
    expect(timeout).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText(/Not applied: the timeout must be whole seconds/)).toBeInTheDocument();
    expect(stateInUrl().affinity).toEqual({ timeoutSeconds: 60 });
  });

  it('zones and PreferClose: the topology table shows the hints and the sender’s node keeps its zone', async () => {
    const user = userEvent.setup();
    window.history.replaceState(null, '', `/learn/explorer?${URL_PARAM}=1.L.it.h.nk.abc.arararbr.pb.dc`);
    await renderExplorer(<Explorer />);
    expect(screen.queryByRole('region', { name: 'Zones and topology hints' })).toBeNull();
    for (const [node, zone] of [
      ['node-a', 'zone-a'],
      ['node-b', 'zone-b'],
      ['node-c', 'zone-c'],
    ]) {
      await user.selectOptions(screen.getByRole('combobox', { name: `Zone of ${node}` }), zone!);
    }
    await user.selectOptions(screen.getByRole('combobox', { name: 'trafficDistribution' }), 'PreferClose');
    expect(layoutInUrl()).toBe('1.L.it.h.nk.abc.arararbr.pb.dczabctc');
    const topology = screen.getByRole('region', { name: 'Zones and topology hints' });
    const row = (pod: string) => within(topology).getByRole('rowheader', { name: pod }).closest('tr')!;
    // Each ready endpoint is hinted for its own zone; node-b (zone-b) keeps only web-4 (R-EP-5).
    expect(
      within(row('web-1'))
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['node-a (zone-a)', 'zone-a', 'none', '0']);
    expect(
      within(row('web-4'))
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['node-b (zone-b)', 'zone-b', 'none', '1']);
    expect(within(topology).getByText(/^R-EP-5: .*node-b's zone zone-b/)).toBeInTheDocument();
    // The Service manifest carries the field (the artefacts of a changed layout load on demand).
    expect((await screen.findByLabelText('Service manifest')).textContent).toContain(
      'trafficDistribution: PreferClose',
    );
  });
});
