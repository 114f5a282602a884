'use client';
/**
 * The import form: paste, drop or pick kubectl output; choose the Service when there are several; answer what
 * the input cannot tell (balancer family, network plugin, kube-proxy mode), each preselected with the import's
 * guess; then the explorer opens below on the result. Everything runs here (lib/import is pure and bundled);
 * nothing is sent anywhere. Errors list the document, path and line, never the input's text.
 */
import dynamic from 'next/dynamic';
import { useEffect, useId, useRef, useState } from 'react';
import type { ScenarioInput } from '@/lib/engine';
import {
  CNI_LABEL,
  CNI_UNSET,
  CNI_UNSET_LABEL,
  CNIS,
  PROVIDER_LABEL,
  PROVIDERS,
  PROXY_MODE_LABEL,
  PROXY_MODES,
  defaultChoices,
  importQuestions,
  withChoices,
  type ImportChoices,
} from '@/lib/import/choices';
import { formatImportIssue } from '@/lib/import/issues';
import type { ImportResult } from '@/lib/import';
import { HASH_KEY, idFromHash, loadImport, storeImport, type StoredImport } from './session-store';

const COMMAND = 'kubectl get nodes,pods,services,endpointslices -A -o yaml';
/** Larger files are refused before reading (a browser tab would struggle long before the engine does). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;
const API_SERVER_SERVICE = 'default/kubernetes';

interface LoadedFile {
  name: string;
  size: number;
  text: string;
}

function sizeText(bytes: number): string {
  return bytes < 1024 ? `${bytes} bytes` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(0)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** FileReader rather than Blob.text(): the same in every browser (and in jsdom). */
function readText(f: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsText(f);
  });
}

/**
 * The reader (kubectl's YAML, the Kubernetes objects' zod schemas) loads when there is something to read, not
 * with the page (issue 18: the form needs none of it).
 */
const loadReader = () => import('@/lib/import/import-cluster');

/**
 * The explorer (the engine, the diagram and its views) opens only on an imported scenario, so it is its own chunk,
 * fetched when one is opened (issue 18).
 */
const ScenarioExplorer = dynamic(() => import('../_explorer/scenario-explorer').then((m) => m.ScenarioExplorer), {
  loading: () => (
    <p role="status" className="text-muted">
      Loading the explorer…
    </p>
  ),
});

const selectClass = 'mt-1 block w-full max-w-xl rounded border border-border bg-bg p-2';
const buttonClass = 'rounded bg-accent px-4 py-2 font-semibold text-accent-fg disabled:opacity-60';

export function ImportTool() {
  const id = useId();
  const [pasted, setPasted] = useState('');
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [reading, setReading] = useState(false);
  const [service, setService] = useState<string | undefined>(undefined);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [readMs, setReadMs] = useState(0);
  const [choices, setChoices] = useState<ImportChoices | null>(null);
  const [opened, setOpened] = useState<StoredImport | null>(null);
  const [kept, setKept] = useState(true);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const explorerHeading = useRef<HTMLHeadingElement>(null);
  /** Where focus goes once the next render is committed: the new result, or the explorer just opened. */
  const focusNext = useRef<'result' | 'explorer' | null>(null);

  useEffect(() => {
    const target = focusNext.current === 'result' ? resultHeading.current : focusNext.current === 'explorer' ? explorerHeading.current : null;
    if (!target) return;
    focusNext.current = null;
    target.focus();
  }, [result, opened]);

  // A reload of #scenario=<id> reopens the explorer on what this tab imported.
  useEffect(() => {
    const stored = idFromHash(window.location.hash);
    const value = stored ? loadImport(stored) : null;
    if (!value) return;
    const t = setTimeout(() => setOpened(value), 0);
    return () => clearTimeout(t);
  }, []);

  const read = (text: string, chosen: string | undefined) => {
    setReading(true);
    // Load the reader, and let "Reading…" paint before a large input blocks the thread.
    loadReader().then(
      ({ importCluster }) =>
        setTimeout(() => {
          const t0 = performance.now();
          const r = importCluster(text, chosen === undefined ? {} : { service: chosen });
          setReadMs(Math.round(performance.now() - t0));
          setResult(r);
          setChoices(r.ok ? defaultChoices(r.scenario) : null);
          setReading(false);
          focusNext.current = 'result';
        }, 0),
      () => {
        setReading(false);
        setFileError('The reader could not be loaded (are you offline?); try again.');
      },
    );
  };
  const text = file?.text ?? pasted;

  const loadFile = async (f: File | undefined) => {
    if (!f) return;
    setFileError(null);
    if (f.size > MAX_FILE_BYTES) {
      setFileError(`${f.name} is ${sizeText(f.size)}; files up to ${sizeText(MAX_FILE_BYTES)} can be read here.`);
      return;
    }
    let content: string;
    try {
      content = await readText(f);
    } catch {
      setFileError(`${f.name} could not be read.`);
      return;
    }
    const loaded = { name: f.name, size: f.size, text: content };
    setFile(loaded);
    setService(undefined);
    read(loaded.text, undefined);
  };

  const candidates = result ? result.services.filter((s) => s !== API_SERVER_SERVICE) : [];
  const mustChoose = result !== null && !result.ok && candidates.length > 1 && service === undefined;
  const shownIssues = result && !result.ok ? result.issues.filter((i) => !(mustChoose && i.message.startsWith(`the input has ${candidates.length} Services`))) : [];
  const questions = result?.ok ? importQuestions(result.scenario, result.assumptions) : null;
  const why = (field: string) => (result?.ok ? result.assumptions.find((a) => a.field === field)?.why : undefined);

  const open = () => {
    if (!result?.ok || !choices || !questions) return;
    const value: StoredImport = { title: result.service, scenario: withChoices(result.scenario, choices, questions) as unknown as ScenarioInput };
    const stored = storeImport(value);
    setKept(stored !== null);
    if (stored) window.history.replaceState(window.history.state, '', `#${HASH_KEY}=${stored}`);
    focusNext.current = 'explorer';
    setOpened(value);
  };

  return (
    <>
      <form
        className={`mt-6 flex flex-col gap-4 rounded-xl border-2 p-4 ${dragging ? 'border-dashed border-accent' : 'border-border'}`}
        onSubmit={(e) => {
          e.preventDefault();
          read(text, service);
        }}
        onDragOver={(e) => {
          if (!e.dataTransfer.types.includes('Files')) return;
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          if (e.dataTransfer.files.length === 0) return;
          e.preventDefault();
          setDragging(false);
          void loadFile(e.dataTransfer.files[0]);
        }}
        data-import-form
      >
        <h2 className="text-xl font-bold">1. Your cluster’s kubectl output</h2>
        <p className="text-sm">
          Run <code className="rounded bg-surface px-1 font-mono">{COMMAND}</code> (or <code className="font-mono">-o json</code>; add the{' '}
          <code className="font-mono">kube-system/kube-proxy</code> ConfigMap to tell kube-proxy’s mode), then paste its output below, drop the file
          anywhere on this box, or choose it.
        </p>
        {file ? (
          <p className="flex flex-wrap items-center gap-2" aria-live="polite">
            <span>{`Read from the file ${file.name} (${sizeText(file.size)}).`}</span>
            <button
              type="button"
              className="rounded border border-border px-2 py-1 text-sm"
              onClick={() => {
                setFile(null);
                setResult(null);
                setService(undefined);
              }}
            >
              Paste text instead
            </button>
          </p>
        ) : (
          <label className="flex flex-col gap-1">
            <span className="font-semibold">Paste the output (YAML or JSON)</span>
            <textarea
              className="h-48 w-full rounded border border-border bg-bg p-2 font-mono text-xs"
              value={pasted}
              onChange={(e) => setPasted(e.target.value)}
              spellCheck={false}
              autoComplete="off"
              placeholder={'apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Node\n  …\nkind: List'}
            />
          </label>
        )}
        <div className="flex flex-wrap items-center gap-4">
          <label className="flex flex-col gap-1 text-sm">
            <span className="font-semibold">Or choose a file</span>
            <input
              type="file"
              accept=".yaml,.yml,.json,.txt,application/json,application/yaml,text/yaml,text/plain"
              className="text-sm file:mr-2 file:rounded file:border file:border-border file:bg-surface file:px-2 file:py-1 file:text-fg"
              onChange={(e) => void loadFile(e.target.files?.[0])}
            />
          </label>
          <button type="submit" className={buttonClass} disabled={reading || text.trim() === ''}>
            {reading ? 'Reading…' : 'Read the cluster'}
          </button>
        </div>
        {fileError && (
          <p role="alert" className="text-bad">
            {fileError}
          </p>
        )}
      </form>

      {result && (
        <section aria-labelledby={`${id}-result`} className="mt-6 flex flex-col gap-4" data-import-result>
          <h2 ref={resultHeading} tabIndex={-1} id={`${id}-result`} className="text-xl font-bold">
            {result.ok ? `2. What was read: Service ${result.service}` : mustChoose ? '2. Choose the Service' : '2. The input could not be imported'}
          </h2>
          {(mustChoose || result.services.length > 1) && (
            <label className="flex flex-col">
              <span className="font-semibold">{mustChoose ? `The input has ${candidates.length} Services. Which one should the explorer show?` : 'Service'}</span>
              <select
                className={selectClass}
                value={result.ok ? result.service : (service ?? '')}
                onChange={(e) => {
                  setService(e.target.value);
                  read(text, e.target.value);
                }}
              >
                {!result.ok && <option value="">Choose a Service…</option>}
                {result.services.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </label>
          )}
          {shownIssues.length > 0 && (
            <div role="alert" className="rounded border border-bad p-3" data-import-errors>
              <p className="font-semibold text-bad">{`${shownIssues.length === 1 ? 'One problem' : `${shownIssues.length} problems`} (document, field path and line):`}</p>
              <ul className="mt-1 list-disc pl-6 text-sm">
                {shownIssues.slice(0, 20).map((issue, i) => (
                  <li key={i}>{formatImportIssue(issue)}</li>
                ))}
              </ul>
              {shownIssues.length > 20 && <p className="text-sm">{`…and ${shownIssues.length - 20} more.`}</p>}
            </div>
          )}
          {result.ok && choices && questions && (
            <>
              <p>
                {`${result.scenario.cluster.nodes.length} nodes and ${result.scenario.cluster.pods.length} endpoints of ${(result.scenario.service.spec as { type: string }).type} Service ${result.service}.`}
              </p>
              <p className="text-sm text-muted" data-import-ms={readMs}>{`Read in ${readMs} ms, in this browser.`}</p>
              {result.notes.length > 0 && (
                <ul className="list-disc pl-6 text-sm" aria-label="Notes on the import">
                  {result.notes.map((n, i) => (
                    <li key={i}>{n}</li>
                  ))}
                </ul>
              )}
              <fieldset className="flex flex-col gap-4 rounded-xl border border-border p-4">
                <legend className="px-1 text-lg font-semibold">What kubectl’s output cannot tell</legend>
                {questions.provider && (
                  <label className="flex flex-col">
                    <span className="font-semibold">The load balancer in front of the cluster</span>
                    <select className={selectClass} value={choices.provider} aria-describedby={`${id}-provider-why`} onChange={(e) => setChoices({ ...choices, provider: e.target.value as ImportChoices['provider'] })}>
                      {PROVIDERS.map((p) => (
                        <option key={p} value={p}>
                          {PROVIDER_LABEL[p]}
                        </option>
                      ))}
                    </select>
                    <span id={`${id}-provider-why`} className="mt-1 text-sm text-muted">
                      {why('loadBalancer.provider') ? `Preselected: ${why('loadBalancer.provider')}.` : 'Not recognisable from the nodes: the generic model is preselected.'}
                    </span>
                  </label>
                )}
                {questions.cni && (
                  <label className="flex flex-col">
                    <span className="font-semibold">The network plugin (CNI)</span>
                    <select className={selectClass} value={choices.cni} aria-describedby={`${id}-cni-why`} onChange={(e) => setChoices({ ...choices, cni: e.target.value as ImportChoices['cni'] })}>
                      <option value={CNI_UNSET}>{CNI_UNSET_LABEL}</option>
                      {CNIS.map((c) => (
                        <option key={c} value={c}>
                          {CNI_LABEL[c]}
                        </option>
                      ))}
                    </select>
                    <span id={`${id}-cni-why`} className="mt-1 text-sm text-muted">
                      {why('cluster.cni') ? `Preselected: ${why('cluster.cni')}.` : 'Not recognisable from the nodes. It decides which address a Pod sees after SNAT.'}
                    </span>
                  </label>
                )}
                {questions.proxyMode && (
                  <label className="flex flex-col">
                    <span className="font-semibold">kube-proxy’s mode</span>
                    <select className={selectClass} value={choices.proxyMode} aria-describedby={`${id}-mode-why`} onChange={(e) => setChoices({ ...choices, proxyMode: e.target.value as ImportChoices['proxyMode'] })}>
                      {PROXY_MODES.map((m) => (
                        <option key={m} value={m}>
                          {PROXY_MODE_LABEL[m]}
                        </option>
                      ))}
                    </select>
                    <span id={`${id}-mode-why`} className="mt-1 text-sm text-muted">{`Preselected: ${why('cluster.proxyMode') ?? 'the default'}.`}</span>
                  </label>
                )}
                {result.assumptions
                  .filter((a) => a.field === 'traffic')
                  .map((a) => (
                    <p key={a.field} className="text-sm">{`Traffic followed: ${a.value} (${a.why}).`}</p>
                  ))}
                <div>
                  <button type="button" className={buttonClass} onClick={open}>
                    {opened ? 'Update the explorer' : 'Open in the explorer'}
                  </button>
                </div>
              </fieldset>
            </>
          )}
        </section>
      )}

      {opened && (
        <section id="explorer" aria-labelledby={`${id}-explorer`} className="mt-8 rounded-xl border border-border p-3 sm:p-4" data-explorer>
          <h2 ref={explorerHeading} tabIndex={-1} id={`${id}-explorer`} className="text-xl font-bold">
            {`Explorer: ${opened.title}`}
          </h2>
          {!kept && <p className="text-sm text-warn">This browser refused to keep the scenario for this tab, so a reload will not show it again.</p>}
          <ScenarioExplorer input={opened.scenario} title={opened.title} idBase={`${id}-x`.replace(/[^\w-]/g, '')} />
        </section>
      )}
    </>
  );
}
