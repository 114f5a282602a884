/**
 * The rules of one node in one mode for the explorer's "Rules on node X" panel, by lib/engine/rules, with the
 * lines the focused flow traverses and its steps. Plain data (the explorer page computes the default layout's on
 * the server and passes it to the panel); loaded in the browser with the engine, not on the first load (issue 18).
 */
import type { Answer, Scenario } from '@/lib/engine';
import {
  RulesError,
  flowRules,
  flowRulesIpvs,
  flowRulesNft,
  renderIptables,
  renderIpvs,
  rulesText,
  type RulesMode,
} from '@/lib/engine/rules';

export interface Rendered {
  lines: string[];
  notes: string[];
  /** Indexes of traversed lines. */
  traversed: number[];
  /** Packet-walk steps with the line indexes each is about. */
  steps: { step: string; lines: number[] }[] | null;
}

export function renderFor(
  scenario: Scenario,
  answer: Answer,
  focusFlow: number,
  mode: RulesMode,
  node: string,
): Rendered | string {
  try {
    const flow = answer.flows[focusFlow];
    if (mode !== 'iptables') {
      const ipvs = mode === 'ipvs' ? renderIpvs(scenario, node) : null;
      const { text, notes } = ipvs ?? rulesText(scenario, node, mode, 'list');
      const lines = text.replace(/\n$/, '').split('\n');
      const traced = !flow ? null : ipvs ? flowRulesIpvs(scenario, flow, focusFlow, ipvs) : flowRulesNft(scenario, flow, focusFlow, node, lines);
      return { lines, notes, traversed: traced?.lines ?? [], steps: traced?.steps ?? null };
    }
    const rendering = renderIptables(scenario, node);
    const lines = rendering.text.replace(/\n$/, '').split('\n');
    const traced = flow ? flowRules(scenario, flow, focusFlow, rendering) : null;
    const indexOf = new Map(lines.map((l, i) => [l, i]));
    const at = (ls: string[]) => ls.map((l) => indexOf.get(l)).filter((i): i is number => i !== undefined);
    return {
      lines,
      notes: rendering.notes,
      traversed: traced ? at(traced.lines) : [],
      steps: traced ? traced.steps.map((s) => ({ step: s.step, lines: at(s.lines) })) : null,
    };
  } catch (e) {
    if (e instanceof RulesError) return e.message.replace(/^rules: /, '');
    throw e;
  }
}

export type RenderRules = typeof renderFor;
