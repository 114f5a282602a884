import { BlockList, isIP } from 'node:net';
import { serverEnv } from '@/lib/env';

/**
 * The client address the abuse limits count by, from the X-Forwarded-For header and `TRUST_PROXY`.
 *
 * Next.js gives route handlers and pages no socket address: it writes the peer's address into
 * X-Forwarded-For only when the request arrived without one (base-server.js, `??=`), and otherwise passes
 * the header on as sent. So the last entry is the peer's address when the peer sent no header, and the
 * address the nearest proxy appended when a proxy that appends (nginx `$proxy_add_x_forwarded_for`, most
 * balancers) is in front. Entries further left were written by whoever sent the request and count only
 * where `TRUST_PROXY` says proxies wrote them.
 *
 * TRUST_PROXY:
 * - unset, `0`, `false` or `none` (default): trust no forwarded entry; the last entry is the client. Limitation:
 *   a client that reaches the app directly (no proxy) chooses that header and so its own key; the per-drill
 *   totals still hold then. Run the app behind a proxy that appends to (or overwrites) X-Forwarded-For.
 * - a number N ≥ 1: N proxies in front, each appending; the client is the N-th entry from the right.
 * - a list of addresses and CIDRs (`10.0.0.0/8, 192.168.1.7, fd00::/8`): entries from the right that are one of
 *   these proxies are skipped; the first other one is the client.
 * IPv6 clients are counted by their /64 (one host usually holds a whole /64).
 */
export type TrustProxy = { hops: number } | { proxies: BlockList; description: string };

export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const value = raw?.trim() ?? '';
  if (value === '' || /^(0|false|none)$/i.test(value)) return { hops: 0 };
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > 20) throw new Error(`TRUST_PROXY: ${hops} proxy hops is not plausible (at most 20)`);
    return { hops };
  }
  const proxies = new BlockList();
  const bad: string[] = [];
  for (const item of value.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [address = '', prefix, extra] = item.split('/');
    const family = isIP(address);
    const bits = prefix === undefined ? null : Number(prefix);
    const maxBits = family === 6 ? 128 : 32;
    if (!family || extra !== undefined || (bits != null && (!/^\d+$/.test(prefix!) || bits > maxBits))) {
      bad.push(item);
      continue;
    }
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (bits == null) proxies.addAddress(address, type);
    else proxies.addSubnet(address, bits, type);
  }
  if (bad.length) throw new Error(`TRUST_PROXY: not a number of hops or a list of addresses/CIDRs: ${bad.map((b) => JSON.stringify(b)).join(', ')}`);
  return { proxies, description: value };
}

/** An X-Forwarded-For entry as a bare address ("[::1]:443" → "::1", "1.2.3.4:80" → "1.2.3.4"), or null. */
export function bareAddress(entry: string): string | null {
  let s = entry.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(s);
  if (bracketed) s = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(s)) s = s.slice(0, s.lastIndexOf(':'));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(s);
  if (mapped) s = mapped[1]!;
  return isIP(s) ? s.toLowerCase() : null;
}

/** The key one client is counted under: an IPv4 address, an IPv6 /64, or "unknown" for anything unreadable. */
export function addressKey(address: string | null): string {
  if (!address) return 'unknown';
  if (isIP(address) === 4) return address;
  const [head = '', tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  if (!address.includes('::') && left.length !== 8) return address; // an embedded IPv4 tail: keep it whole
  const groups = [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/** The client's key for the abuse limits, from the request's X-Forwarded-For value. */
export function clientKey(forwardedFor: string | null, trust: TrustProxy): string {
  const entries = (forwardedFor ?? '').split(',').map((e) => e.trim()).filter(Boolean);
  if (entries.length === 0) return 'unknown';
  let index: number;
  if ('hops' in trust) {
    index = Math.max(0, entries.length - Math.max(1, trust.hops));
  } else {
    index = entries.length - 1;
    while (index > 0) {
      const a = bareAddress(entries[index]!);
      if (!a || !trust.proxies.check(a, isIP(a) === 6 ? 'ipv6' : 'ipv4')) break;
      index--;
    }
  }
  return addressKey(bareAddress(entries[index]!));
}

let cached: { raw: string | undefined; trust: TrustProxy } | null = null;

/** TRUST_PROXY from the settings (lib/env), parsed once (and again if it changes). Throws on a bad value. */
export function trustProxyFromEnv(raw: string | undefined = serverEnv().TRUST_PROXY): TrustProxy {
  if (!cached || cached.raw !== raw) cached = { raw, trust: parseTrustProxy(raw) };
  return cached.trust;
}
