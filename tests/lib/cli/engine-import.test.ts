/**
 * @jest-environment node
 *
 * `npm run --silent engine -- import FILE [--service NAMESPACE/NAME]`: the scenario on stdout (YAML the
 * `evaluate` command reads back), the assumed defaults on stderr, errors with exit 2.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluate } from '@/lib/engine';
import { readScenarioText } from '@/lib/engine/text';
import { runCli as cli, tempDir } from './run-cli';

const { dir: tmp } = tempDir('engine-import-');

describe('engine import', () => {
  it('prints a scenario that evaluates as the hand-written layout, and says on stderr what it assumed', () => {
    const r = cli(['import', 'tests/fixtures/import/gke.json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^engine: imported Service shop\/frontend from tests\/fixtures\/import\/gke.json$/m);
    expect(r.stderr).toMatch(/^engine: assumed cluster\.proxyMode: iptables \(no kube-proxy ConfigMap/m);
    const read = readScenarioText(r.stdout, 'yaml');
    const hand = readScenarioText(readFileSync('tests/fixtures/import/gke.scenario.yaml', 'utf8'), 'yaml');
    if (!read.ok || !hand.ok) throw new Error('unreadable');
    const { name: _a, ...imported } = evaluate(read.scenario);
    const { name: _b, ...written } = evaluate(hand.scenario);
    expect(imported).toEqual(written);
    // …and the evaluate command reads the file as it is.
    const file = join(tmp, 'gke-scenario.yaml');
    writeFileSync(file, r.stdout);
    expect(cli(['evaluate', file]).code).toBe(0);
  });

  it('takes --service before or after FILE, and reads standard input', () => {
    const after = cli(['import', 'tests/fixtures/import/kind.yaml', '--service', 'default/web']);
    const before = cli(['import', '--service=default/web', '-'], readFileSync('tests/fixtures/import/kind.yaml', 'utf8'));
    expect(after.code).toBe(0);
    expect(before.code).toBe(0);
    expect(before.stdout).toBe(after.stdout);
    expect(after.stdout).toMatch(/^name: "Imported: default\/web"$/m);
  });

  it('exits 2 with the message when the Service is not there, listing those that are', () => {
    const r = cli(['import', 'tests/fixtures/import/kind.yaml', '--service', 'prod/web']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('engine: cannot import tests/fixtures/import/kind.yaml (a problem):\n  document 1: no Service prod/web in the input; it has default/kubernetes, default/web\n');
  });

  it('exits 2 naming the document, path and line of a field of the wrong type', () => {
    const file = join(tmp, 'bad.yaml');
    writeFileSync(file, 'kind: Node\nmetadata: {name: a}\nstatus: {addresses: [{type: InternalIP, address: 10.0.0.1}]}\n---\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports: 80\n');
    const r = cli(['import', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/document 2, spec\.ports \(line 9\): Service: must be a list, got number 80/);
  });

  it('exits 2 on usage errors and missing files', () => {
    expect(cli(['import']).stderr).toMatch(/^engine: import needs a FILE/);
    expect(cli(['import', 'x.yaml', '--service']).code).toBe(2);
    expect(cli(['import', 'x.yaml', '--frobnicate']).stderr).toMatch(/unknown option "--frobnicate"/);
    expect(cli(['import', join(tmp, 'missing.yaml')]).stderr).toMatch(/cannot read .*missing\.yaml: no such file/);
  });
});
