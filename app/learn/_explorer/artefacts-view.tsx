/** The explorer's "Try it on a real cluster" blocks (the texts: artefacts.tsx, which brings `yaml`). */
import type { ArtefactTexts } from './artefacts';
import { RENDER_LATER } from '@/app/_components/render-later/class-names';

function Block({ title, text }: { title: string; text: string }) {
  return (
    <details className="rounded-lg border border-border p-2">
      <summary className="cursor-pointer font-semibold">{title}</summary>
      <pre className="mt-2 overflow-x-auto rounded bg-surface p-2 text-xs" tabIndex={0} aria-label={title}>
        <code>{text}</code>
      </pre>
    </details>
  );
}

/**
 * `updating`: the texts are being computed for a changed layout (those shown are the previous layout's, or none
 * yet); `failed`: their code could not be loaded.
 */
export function ArtefactsView({ texts, updating = false, failed = false }: { texts: ArtefactTexts | null; updating?: boolean; failed?: boolean }) {
  return (
    // Below the fold on load: rendered later.
    <section aria-labelledby="explorer-artefacts" className={`flex flex-col gap-2 [--later-height:260px] ${RENDER_LATER}`}>
      <h3 id="explorer-artefacts" className="text-lg font-semibold">
        Try it on a real cluster
      </h3>
      {updating && (
        <p role="status" className="text-sm text-muted">
          Loading the manifests for this layout…
        </p>
      )}
      {texts ? (
        <>
          <Block title="Service manifest" text={texts.service} />
          <Block title="Deployments that reproduce the placement" text={texts.deployments} />
          <Block title="kind cluster config" text={texts.kind} />
          {texts.commands !== null && <Block title="Commands that show the same answers" text={texts.commands} />}
        </>
      ) : (
        failed && (
          <p role="alert" className="text-sm text-bad">
            The manifests could not be loaded (a network error?): reload the page to see them.
          </p>
        )
      )}
    </section>
  );
}
