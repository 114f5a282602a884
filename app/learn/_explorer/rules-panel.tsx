'use client';
/**
 * The explorer's live "Rules on node X" panel: its mode, node and copy button (the markup: rules-view.tsx). What
 * it shows comes from `render` (rules-render.ts, which the explorer loads with the engine), or, for the mode and
 * node it starts at, from `initial`, computed ahead on the server: so the panel hydrates without the rule
 * renderers on the page's first load, its controls disabled until they have arrived (issue 18).
 */
import { useId, useState } from 'react';
import type { Answer, Scenario } from '@/lib/engine';
import type { RulesMode } from '@/lib/engine/rules';
import type { RenderRules, Rendered } from './rules-render';
import { RulesView, defaultRulesMode, defaultRulesNode } from './rules-view';

/** The panel's starting mode and node with their rendering, computed ahead. */
export interface RulesAhead {
  mode: RulesMode;
  node: string;
  rendered: Rendered | string;
}

interface Props {
  scenario: Scenario;
  answer: Answer;
  focusFlow: number;
  render: RenderRules | null;
  initial?: RulesAhead;
}

export function RulesPanel({ scenario, answer, focusFlow, render, initial }: Props) {
  const id = useId();
  const nodes = scenario.cluster.nodes.map((n) => n.name);
  const [mode, setMode] = useState<RulesMode>(() => initial?.mode ?? defaultRulesMode(scenario));
  const [chosenNode, setNode] = useState<string | null>(null);
  const node = chosenNode !== null && nodes.includes(chosenNode) ? chosenNode : (initial?.node ?? defaultRulesNode(scenario, answer, focusFlow));
  const [copied, setCopied] = useState(false);
  // The React Compiler memoises this render (a layout's rules take a few milliseconds).
  const ahead = initial && initial.mode === mode && initial.node === node ? initial.rendered : null;
  const rendered = ahead ?? (render ? render(scenario, answer, focusFlow, mode, node) : null);
  if (rendered === null) return null; // not reached: the controls that choose another mode or node wait for `render`
  const on = render && {
    mode: (m: RulesMode) => {
      setMode(m);
      setCopied(false);
    },
    node: (n: string) => {
      setNode(n);
      setCopied(false);
    },
    copy: () => {
      if (typeof rendered === 'string') return;
      void navigator.clipboard.writeText(`${rendered.lines.join('\n')}\n`).then(() => setCopied(true));
    },
  };
  return <RulesView id={id} nodes={nodes} mode={mode} node={node} rendered={rendered} copied={copied} on={on ?? undefined} />;
}
