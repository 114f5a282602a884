/** @jest-environment jsdom */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { parse } from 'yaml';
import { evaluate, parseScenario, type Answer } from '@/lib/engine';
import ImportPage from '@/app/learn/import/page';
import { idFromHash } from '@/app/learn/import/session-store';

const fixture = (file: string) => readFileSync(join(process.cwd(), 'tests/fixtures/import', file), 'utf8');
/** The engine's answer for the layout written by hand (the independent path). */
function byHand(file: string): Answer {
  const r = parseScenario(parse(fixture(file))); // not readScenarioText: jsdom has no TextEncoder
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return evaluate(r.scenario);
}
const stored = () => {
  const id = idFromHash(window.location.hash);
  const text = id ? sessionStorage.getItem(`import-scenario:${id}`) : null;
  return text ? (JSON.parse(text) as { title: string; scenario: { cluster: Record<string, unknown>; loadBalancer?: Record<string, unknown> } }) : null;
};

/** What the page shows of its own (the textarea holds the paste itself). */
const shown = () => [...document.querySelectorAll('[data-import-result], [data-explorer]')].map((e) => e.textContent).join('\n');

// The machine running the suite may be busy: a paste is parsed, evaluated and rendered several times here.
jest.setTimeout(60_000);

beforeEach(() => {
  sessionStorage.clear();
  window.history.replaceState(null, '', '/learn/import');
});

async function paste(text: string) {
  const user = userEvent.setup();
  fireEvent.change(screen.getByRole('textbox', { name: /Paste the output/ }), { target: { value: text } });
  await user.click(screen.getByRole('button', { name: 'Read the cluster' }));
  return user;
}

describe('the import page', () => {
  it('says that nothing is sent to the server', () => {
    render(<ImportPage />);
    expect(screen.getByText(/Nothing leaves your browser\./).closest('p')).toHaveTextContent(/nothing is sent to the server/);
  });

  it('reads the pasted kind cluster, preselects kindnet with its reason, and opens the explorer with the engine’s prediction', async () => {
    render(<ImportPage />);
    const user = await paste(fixture('kind.yaml'));
    expect(await screen.findByRole('heading', { name: '2. What was read: Service default/web' })).toHaveFocus();
    expect(screen.getByText('3 nodes and 3 endpoints of NodePort Service default/web.')).toBeInTheDocument();
    // NodePort: no balancer to ask about; the plugin is preselected from the providerID, and says why.
    expect(screen.queryByRole('combobox', { name: /load balancer in front/ })).not.toBeInTheDocument();
    const cni = screen.getByRole('combobox', { name: /network plugin/ });
    expect(cni).toHaveValue('kindnet');
    expect(cni).toHaveAccessibleDescription(/providerID kind:\/\//);
    // The Secret in the paste is never shown.
    expect(shown()).not.toMatch(/aHVudGVy|db-password/);

    await user.click(screen.getByRole('button', { name: 'Open in the explorer' }));
    expect(shown()).not.toMatch(/aHVudGVy|db-password/);
    const explorer = screen.getByRole('region', { name: 'Explorer: default/web' });
    const hand = byHand('kind.scenario.yaml');
    const cp = hand.flows.find((f) => f.node === 'kind-control-plane' && f.to === 'nodePort');
    expect(cp?.verdict).toBe('dropped');
    // The first node is followed: the control plane, with no local endpoint under Local.
    expect(within(explorer).getByRole('combobox', { name: /NodePort of/ })).toHaveValue('kind-control-plane');
    expect(within(explorer).getByText(/Outside traffic entering kind-control-plane: dropped/)).toBeInTheDocument();
    // Following another node shows its backends, as the hand-built layout says.
    await user.selectOptions(within(explorer).getByRole('combobox', { name: /NodePort of/ }), 'kind-worker');
    const w1 = hand.flows.find((f) => f.node === 'kind-worker' && f.to === 'nodePort')!;
    const landing = within(explorer).getByRole('table', { name: 'Where the connection lands' });
    for (const b of w1.backends) expect(within(landing).getByRole('rowheader', { name: b.pod }).closest('tr')).toHaveTextContent(b.probability);
    // Handed over through this tab's sessionStorage, keyed by the fragment.
    expect(window.location.hash).toMatch(/^#scenario=[0-9a-f]{16}$/);
    expect(stored()).toMatchObject({ title: 'default/web', scenario: { cluster: { cni: 'kindnet' } } });
  });

  it('takes the learner’s answer over the guess', async () => {
    render(<ImportPage />);
    const user = await paste(fixture('kind.yaml'));
    await user.selectOptions(await screen.findByRole('combobox', { name: /network plugin/ }), 'calico-bgp');
    await user.click(screen.getByRole('button', { name: 'Open in the explorer' }));
    expect(stored()?.scenario.cluster.cni).toBe('calico-bgp');
  });

  it('asks for the balancer of a LoadBalancer Service, preselected from the nodes (EKS: Classic without the NLB annotation)', async () => {
    render(<ImportPage />);
    await paste(fixture('eks.yaml'));
    const provider = await screen.findByRole('combobox', { name: /load balancer in front/ });
    expect(provider).toHaveAccessibleDescription(/providerID aws:\/\//);
    expect((provider as HTMLSelectElement).value).toMatch(/^aws-/);
  });

  it('asks which Service when there are several, then reads that one', async () => {
    render(<ImportPage />);
    const two = `${fixture('kind.yaml')}\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: other\n  namespace: default\nspec:\n  type: ClusterIP\n  selector:\n    app: web\n  ports:\n  - port: 80\n`;
    const user = await paste(two);
    expect(await screen.findByRole('heading', { name: '2. Choose the Service' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: /Which one should the explorer show/ }), 'default/other');
    expect(await screen.findByRole('heading', { name: '2. What was read: Service default/other' })).toBeInTheDocument();
  });

  it('names the document, path and line of a bad field, and never echoes a Secret', async () => {
    render(<ImportPage />);
    const bad = fixture('kind.yaml').replace('    podCIDRs:\n    - 10.244.0.0/24\n', '    podCIDRs: 10.244.0.0/24\n');
    const line = bad.split('\n').findIndex((l) => l === '    podCIDRs: 10.244.0.0/24') + 1;
    await paste(bad);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(`document 1, items[0].spec.podCIDRs (line ${line}): Node: must be a list`);
    await paste('apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: aHVudGVyMg==\n');
    expect(await screen.findByRole('alert')).toHaveTextContent(/no Service in the input \(found 1 Secret\)/);
    expect(shown()).not.toMatch(/aHVudGVyMg|password/);
  });

  it('reads a chosen file at once', async () => {
    render(<ImportPage />);
    const user = userEvent.setup();
    const file = new File([fixture('kind.yaml')], 'kind.yaml', { type: 'application/yaml' });
    await user.upload(screen.getByLabelText('Or choose a file'), file);
    expect(await screen.findByRole('heading', { name: '2. What was read: Service default/web' })).toBeInTheDocument();
    expect(screen.getByText(/Read from the file kind\.yaml/)).toBeInTheDocument();
  });

  it('reopens the explorer after a reload from the fragment and this tab’s storage', async () => {
    render(<ImportPage />);
    const user = await paste(fixture('kind.yaml'));
    await user.click(await screen.findByRole('button', { name: 'Open in the explorer' }));
    const hash = window.location.hash;
    document.body.innerHTML = '';
    render(<ImportPage />);
    expect(window.location.hash).toBe(hash);
    expect(await screen.findByRole('region', { name: 'Explorer: default/web' })).toBeInTheDocument();
  });
});
