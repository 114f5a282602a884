/**
 * kube-proxy's iptables rules as `iptables-save` prints them back from the kernel, so that a rendering can be
 * diffed line by line with a node's own dump (restricted to kube-proxy's chains). iptables-save does not echo
 * kube-proxy's iptables-restore input: it prints the header matches first (-s, -d, -p), then each match module
 * with its options in the order the rule loaded them, addresses with a prefix length (/32), comments quoted
 * unless purely [A-Za-z0-9_-], MARK targets as --set-xmark, REJECT with its default --reject-with, recent with its
 * defaults, and statistic probabilities as the kernel holds them (a 31-bit fraction printed "%.11f").
 * Sources: iptables libxtables xtables_save_string, libxt_{comment,mark,conntrack,addrtype,statistic,recent,
 * nfacct,tcp,udp,sctp,MARK,REJECT,DNAT,MASQUERADE} save functions; kube-proxy iptablesJumpChains (each jump is
 * prepended, so the last listed comes first; kubelet's KUBE-FIREWALL jump predates them).
 */
import { formatFixed } from './decimal';
import type { IptablesRendering, IptablesRule } from './iptables';

/** xtables_save_string: bare when non-empty and only [A-Za-z0-9_-], else double-quoted with \ escapes. */
export function saveString(value: string): string {
  return /^[A-Za-z0-9_-]+$/.test(value) ? value : `"${value.replace(/["\\']/g, (c) => `\\${c}`)}"`;
}

const unquote = (v: string) => (v.startsWith('"') && v.endsWith('"') ? v.slice(1, -1) : v);
const withPrefix = (addr: string) => (addr.includes('/') ? addr : `${addr}/32`);

/** A mark "0x00004000" as the kernel prints it ("0x4000"). */
const hex = (v: string) => `0x${parseInt(v, 16).toString(16)}`;
function markValue(v: string): string {
  const [value, mask] = v.split('/');
  return mask === undefined ? hex(value!) : `${hex(value!)}/${hex(mask)}`;
}

/** libxt_statistic: the kernel keeps lround(p × 2^31) and iptables prints it back with 11 decimals. */
export function savedProbability(written: string): string {
  let saved = savedProbabilities.get(written);
  if (saved === undefined) {
    const scaled = Math.round(Number(written) * 0x80000000);
    savedProbabilities.set(written, (saved = formatFixed(scaled / 0x80000000, 11)));
  }
  return saved;
}
/** Memo: a layout asks for the same few probabilities on every node (exact BigInt formatting is not cheap). */
const savedProbabilities = new Map<string, string>();

interface Match {
  name: string;
  opts: string[];
}

/** One rule as `iptables-save` prints it. */
export function saveRule(chain: string, args: readonly string[]): string {
  let src = '';
  let dst = '';
  let proto = '';
  const matches: Match[] = [];
  let target: string[] = [];
  let current: Match | null = null;
  let negated = false;
  const recent = { action: '', seconds: '', reap: false, name: '' };
  for (let i = 0; i < args.length; i++) {
    const t = args[i]!;
    const bang = negated ? '! ' : '';
    negated = false;
    switch (t) {
      case '!':
        negated = true;
        break;
      case '-s':
        src = `${bang}-s ${withPrefix(args[++i]!)}`;
        break;
      case '-d':
        dst = `${bang}-d ${withPrefix(args[++i]!)}`;
        break;
      case '-p':
        proto = `-p ${args[++i]!}`;
        break;
      case '-m':
        current = { name: args[++i]!, opts: [] };
        matches.push(current);
        break;
      case '--comment':
        current!.opts.push(`--comment ${saveString(unquote(args[++i]!))}`);
        break;
      case '--dport': {
        const m = matches.find((x) => x.name === 'tcp' || x.name === 'udp' || x.name === 'sctp');
        m!.opts.push(`--dport ${args[++i]!}`);
        break;
      }
      case '--src-type':
      case '--dst-type':
        current!.opts.push(`${t} ${args[++i]!}`);
        break;
      case '--mark':
        current!.opts.push(`${bang}--mark ${markValue(args[++i]!)}`);
        break;
      case '--ctstate':
        current!.opts.push(`${bang}--ctstate ${args[++i]!}`);
        break;
      case '--match-set': {
        // IPVS mode's ipset matches (libxt_set save: "[!] --match-set NAME FLAGS").
        const name = args[++i]!;
        current!.opts.push(`${bang}--match-set ${name} ${args[++i]!}`);
        break;
      }
      case '--physdev-is-in':
        current!.opts.push(`${bang}--physdev-is-in`);
        break;
      case '--vaddr':
        current!.opts.push(`--vaddr ${withPrefix(args[++i]!)}`);
        break;
      case '--vproto':
      case '--vport':
        current!.opts.push(`${t} ${args[++i]!}`);
        break;
      case '--nfacct-name':
        current!.opts.push(`--nfacct-name  ${saveString(args[++i]!)}`);
        break;
      case '--mode':
        current!.opts.push(`--mode ${args[++i]!}`);
        break;
      case '--probability':
        current!.opts.push(`--probability ${savedProbability(args[++i]!)}`);
        break;
      case '--set':
      case '--rcheck':
        recent.action = t;
        break;
      case '--seconds':
        recent.seconds = args[++i]!;
        break;
      case '--reap':
        recent.reap = true;
        break;
      case '--name':
        recent.name = args[++i]!;
        break;
      case '-j':
        target = [`-j ${args[++i]!}`];
        current = null;
        break;
      case '--to-destination':
      case '--random-fully':
        target.push(t === '--random-fully' ? t : `${t} ${args[++i]!}`);
        break;
      case '--or-mark':
        target.push(`--set-xmark ${hex(args[i + 1]!)}/${hex(args[++i]!)}`);
        break;
      case '--xor-mark':
        target.push(`--set-xmark ${hex(args[++i]!)}/0x0`);
        break;
      default:
        throw new Error(`iptables-save: no rendering for "${t}" in ${chain}`);
    }
  }
  const recentMatch = matches.find((m) => m.name === 'recent');
  if (recentMatch) {
    recentMatch.opts.push(
      [
        recent.action,
        recent.seconds ? `--seconds ${recent.seconds}` : '',
        recent.reap ? '--reap' : '',
        `--name ${recent.name}`,
        '--mask 255.255.255.255 --rsource',
      ]
        .filter(Boolean)
        .join(' '),
    );
  }
  if (target[0] === '-j REJECT') target.push('--reject-with icmp-port-unreachable');
  const parts = [
    `-A ${chain}`,
    src,
    dst,
    proto,
    ...matches.map((m) => [`-m ${m.name}`, ...m.opts].join(' ')),
    ...target,
  ];
  return parts.filter(Boolean).join(' ');
}

/** A jump for new connections only, with kube-proxy's comment (iptablesJumpChains with extraArgs ctstate NEW). */
const newConnectionsTo = (comment: string, chain: string) => [
  ...['-m', 'conntrack', '--ctstate', 'NEW', '-m', 'comment', '--comment', `"${comment}"`, '-j', chain],
];
const NEW_TO_FIREWALL = newConnectionsTo('kubernetes load balancer firewall', 'KUBE-PROXY-FIREWALL');
const NEW_TO_SERVICES = newConnectionsTo('kubernetes service portals', 'KUBE-SERVICES');
const NEW_TO_EXTERNAL = newConnectionsTo(
  'kubernetes externally-visible service portals',
  'KUBE-EXTERNAL-SERVICES',
);

/** kube-proxy's jumps from the built-in chains, in the order they end up (each was prepended). */
const JUMPS: Record<'filter' | 'nat', Record<string, string[][]>> = {
  filter: {
    INPUT: [
      NEW_TO_FIREWALL,
      ['-m', 'comment', '--comment', '"kubernetes health check service ports"', '-j', 'KUBE-NODEPORTS'],
      NEW_TO_EXTERNAL,
      ['-j', 'KUBE-FIREWALL'],
    ],
    FORWARD: [
      NEW_TO_FIREWALL,
      ['-m', 'comment', '--comment', '"kubernetes forwarding rules"', '-j', 'KUBE-FORWARD'],
      NEW_TO_SERVICES,
      NEW_TO_EXTERNAL,
    ],
    OUTPUT: [NEW_TO_FIREWALL, NEW_TO_SERVICES, ['-j', 'KUBE-FIREWALL']],
  },
  nat: {
    PREROUTING: [['-m', 'comment', '--comment', '"kubernetes service portals"', '-j', 'KUBE-SERVICES']],
    INPUT: [],
    OUTPUT: [['-m', 'comment', '--comment', '"kubernetes service portals"', '-j', 'KUBE-SERVICES']],
    POSTROUTING: [['-m', 'comment', '--comment', '"kubernetes postrouting rules"', '-j', 'KUBE-POSTROUTING']],
  },
};

/**
 * The filter and nat tables as `iptables-save` prints them on a node where only kubelet and kube-proxy added
 * rules: built-in chains with their kube-proxy jumps, then kube-proxy's chains alphabetically (iptables-save's
 * order), including the empty KUBE-PROXY-CANARY and KUBE-FIREWALL chains both always create.
 */
export function iptablesSave(rendering: IptablesRendering): string {
  let out = '';
  for (const table of [rendering.filter, rendering.nat]) {
    const builtins = Object.keys(JUMPS[table.name]);
    const userChains = [
      ...new Set([
        ...table.chains,
        'KUBE-PROXY-CANARY',
        ...(table.name === 'filter' ? ['KUBE-FIREWALL'] : []),
      ]),
    ].sort();
    out += `*${table.name}\n`;
    for (const c of builtins) out += `:${c} ACCEPT [0:0]\n`;
    for (const c of userChains) out += `:${c} - [0:0]\n`;
    for (const c of builtins) for (const args of JUMPS[table.name][c]!) out += `${saveRule(c, args)}\n`;
    const byChain = new Map<string, IptablesRule[]>();
    for (const r of table.rules) {
      if (!byChain.has(r.chain)) byChain.set(r.chain, []);
      byChain.get(r.chain)!.push(r);
    }
    for (const c of userChains) for (const r of byChain.get(c) ?? []) out += `${saveRule(c, r.args)}\n`;
    out += 'COMMIT\n';
  }
  return out;
}
