/**
 * One door to the renderings as text (the CLI and the explorer panel): mode × format → what the node would show.
 *   iptables  restore (iptables-restore input kube-proxy writes) | save (`iptables-save`)
 *   nftables  restore (the `nft -f` transaction kube-proxy writes) | list (`nft list table ip kube-proxy`)
 *   ipvs      list (`ipvsadm -Ln`, `ipset save`, and its iptables-restore part)
 */
import type { Scenario } from '../model';
import { RulesError } from './common';
import { renderIptables } from './iptables';
import { iptablesSave } from './iptables-save';
import { renderIpvs } from './ipvs';
import { renderNftables } from './nftables';
import { nftListTable } from './nft-list';

export const RULE_MODES = ['iptables', 'nftables', 'ipvs'] as const;
export type RulesMode = (typeof RULE_MODES)[number];
export type RulesFormat = 'restore' | 'save' | 'list';

/** The formats each mode has; the first is its default. */
export const RULE_FORMATS: Record<RulesMode, readonly RulesFormat[]> = {
  iptables: ['restore', 'save'],
  nftables: ['restore', 'list'],
  ipvs: ['list'],
};

/** The rules kube-proxy would program on `nodeName`, as text; RulesError for a format the mode lacks. */
export function rulesText(
  scenario: Scenario,
  nodeName: string,
  mode: RulesMode,
  format: RulesFormat = RULE_FORMATS[mode][0]!,
): { text: string; notes: string[] } {
  if (!RULE_FORMATS[mode].includes(format))
    throw new RulesError(
      `rules: --format ${format} is for ${RULE_MODES.filter((m) => RULE_FORMATS[m].includes(format)).join(' and ')} (${mode} has ${RULE_FORMATS[mode].join(', ')})`,
    );
  if (mode === 'iptables') {
    const r = renderIptables(scenario, nodeName);
    return { text: format === 'save' ? iptablesSave(r) : r.text, notes: r.notes };
  }
  if (mode === 'nftables') {
    const r = renderNftables(scenario, nodeName);
    return { text: format === 'list' ? nftListTable(r.lines) : r.text, notes: r.notes };
  }
  const r = renderIpvs(scenario, nodeName);
  return { text: r.text, notes: r.notes };
}
