import { stringify } from 'yaml';
import { loadArticleScenario } from '@/lib/article';

/** The Service of a named scenario as a manifest (its spec exactly as the scenario file states it). */
export function ServiceManifest({ name, label }: { name: string; label?: string }) {
  const { document } = loadArticleScenario(name);
  const service = document.service as Record<string, unknown>;
  const manifest = { apiVersion: 'v1', kind: 'Service', metadata: service.metadata, spec: service.spec };
  return (
    <pre className="my-4 overflow-x-auto rounded-lg border border-border bg-surface p-3 text-sm" tabIndex={0} aria-label={label ?? `Service manifest from ${name}`}>
      <code>{stringify(manifest, { lineWidth: 0 })}</code>
    </pre>
  );
}

/** The scenario file itself, so that a reader can check or run it (`npm run engine -- evaluate FILE`). */
export function ScenarioSource({ name }: { name: string }) {
  const { text } = loadArticleScenario(name);
  return (
    <details className="my-2 text-sm">
      <summary className="cursor-pointer text-accent underline underline-offset-2">{`Scenario file content/scenarios/${name}.yaml`}</summary>
      <pre className="mt-2 overflow-x-auto rounded-lg border border-border bg-surface p-3" tabIndex={0} aria-label={`content/scenarios/${name}.yaml`}>
        <code>{text}</code>
      </pre>
    </details>
  );
}
