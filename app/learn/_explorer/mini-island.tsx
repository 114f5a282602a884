'use client';
/**
 * The mini explorer's controls (policy, entry node) around the prerendered preview. Until the layout differs
 * from the default it shows the preview; then it loads the live diagram (engine included) on demand.
 */
import { NodeOptions } from './node-options';
import dynamic from 'next/dynamic';
import { useMemo, type ReactNode } from 'react';
import { applyAction } from '@/lib/explorer/actions';
import { DEFAULT_STATE } from '@/lib/explorer/state';
import { encodeState, stateFromSearch } from '@/lib/explorer/url-codec';
import { useSearch, writeState } from './url-state';

const MiniLive = dynamic(() => import('./mini-live').then((m) => m.MiniLive), { ssr: false });

export function MiniIsland({ children, previewSummary }: { children: ReactNode; previewSummary: string }) {
  const search = useSearch();
  const decoded = useMemo(() => stateFromSearch(search, DEFAULT_STATE), [search]);
  const state = decoded.ok ? decoded.state : DEFAULT_STATE;
  const isDefault = encodeState(state) === encodeState(DEFAULT_STATE);
  const external = state.source.kind === 'external';
  return (
    <section aria-labelledby="mini-explorer-heading" className="my-6 rounded-xl border border-border p-3" data-mini-explorer>
      <p id="mini-explorer-heading" className="font-semibold">
        Try it: flip the policy and see where new connections go
      </p>
      <div className="mt-2 flex flex-wrap items-end gap-x-6 gap-y-2 text-sm">
        <fieldset>
          <legend className="font-medium">externalTrafficPolicy</legend>
          <div className="flex gap-4">
            {(['Cluster', 'Local'] as const).map((p) => (
              <label key={p} className="flex items-center gap-1">
                <input type="radio" name="mini-policy" value={p} checked={state.policy === p} onChange={() => writeState(applyAction(state, { type: 'policy', policy: p }))} />
                {p}
              </label>
            ))}
          </div>
        </fieldset>
        {external && (
          <label className="flex flex-col">
            <span className="font-medium">Follow traffic entering</span>
            <select
              className="mt-1 rounded border border-border bg-bg px-2 py-1 text-fg"
              value={state.source.node}
              onChange={(e) => writeState(applyAction(state, { type: 'source', source: { ...state.source, node: Number(e.target.value) } }))}
            >
              <NodeOptions count={state.nodes.length} />
            </select>
          </label>
        )}
        <a href="#explorer" className="text-accent underline underline-offset-2">
          More controls in the full explorer
        </a>
      </div>
      {isDefault ? (
        <>
          <p className="mt-2 text-sm" aria-live="polite">
            {previewSummary}
          </p>
          {children}
        </>
      ) : (
        <MiniLive state={state} />
      )}
    </section>
  );
}
