/**
 * The interview deck's content (content/interview): checks on what the cards say, beyond the schema that
 * tests/lib/interview pins. Each check guards a class of mistake the deck once had.
 */
import { readFileSync } from 'node:fs';
import { loadCards } from '@/lib/interview/load-cards';
import type { InterviewCard } from '@/lib/interview';

const cards = loadCards();
const article = readFileSync('content/external-traffic-policy.mdx', 'utf8');

/** Every prose field of a card, named for the failure message. */
function proseOf(card: InterviewCard): Array<[string, string]> {
  return [
    ['question', card.question],
    ['modelAnswer', card.modelAnswer],
    ['whyAsked', card.whyAsked],
    ...card.keyPoints.map((k): [string, string] => [`keyPoints.${k.id}`, k.text]),
    ...card.pitfalls.map((p, i): [string, string] => [`pitfalls.${i}`, p]),
  ];
}

/** Sentences (roughly: split after . ! ? or a line break), whitespace collapsed. */
function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

const everyText: Array<[string, string]> = [
  ['content/external-traffic-policy.mdx', article],
  ...cards.flatMap((c) => proseOf(c).map(([field, text]): [string, string] => [`${c.id}: ${field}`, text])),
];

describe('interview card prose', () => {
  // The renderer (lib/interview/text-blocks) makes a list only of a block whose every line starts with "- ";
  // a list written straight under its lead sentence would be shown as one run-on paragraph.
  it.each(cards.map((c) => [c.id, c] as const))('%s: every list is a block of its own', (_id, card) => {
    const mixed = proseOf(card).flatMap(([field, text]) =>
      text
        .trim()
        .split(/\n\s*\n/)
        .map((block) => block.split('\n').map((l) => l.trim()))
        .filter((lines) => lines.some((l) => l.startsWith('- ')) && !lines.every((l) => l.startsWith('- ')))
        .map((lines) => `${field}: "${lines[0]}"`),
    );
    expect(mixed).toEqual([]);
  });
});

describe('dated claims in the article and the cards', () => {
  const saying = (pattern: RegExp) => everyText.flatMap(([where, text]) => sentences(text).filter((s) => pattern.test(s)).map((s) => ({ where, s })));

  it('say when IPVS was deprecated (v1.35, KEP-5495)', () => {
    const claims = saying(/IPVS[^.]*deprecated|deprecated[^.]*IPVS/i);
    expect(claims.length).toBeGreaterThan(0);
    expect(claims.filter(({ s }) => !/\b(v?1\.35)\b/.test(s))).toEqual([]);
  });

  it('say when the nftables mode became generally available (v1.33)', () => {
    const claims = saying(/nftables[^.]*(generally available|\bGA\b)/i);
    expect(claims.length).toBeGreaterThan(0);
    expect(claims.filter(({ s }) => !/\b(v?1\.33)\b/.test(s))).toEqual([]);
  });

  it('never claim a proxying balancer sends the client address in a header "anyway"', () => {
    expect(saying(/(X-Forwarded-For|PROXY)[^.]*\banyway\b/i)).toEqual([]);
  });
});

describe('the deck covers the rules the article teaches', () => {
  const citing = (rule: string) => cards.filter((c) => c.rules.includes(rule)).map((c) => c.id);

  it.each([
    ['R-CNI-1', 'the source address comes from the outgoing device (network plugin)'],
    ['R-CNI-3', 'a remote backend: node IP with direct routing, tunnel address with an overlay'],
    ['R-LBK-3', 'an AWS NLB without cross-zone balancing splits per zone first'],
    ['R-LBK-5', 'a Classic Load Balancer proxies and splits per zone'],
    ['R-LBK-7', 'MetalLB layer 2: one node, no probes'],
    ['R-LBK-9', 'a hostname-only balancer gets no kube-proxy rule'],
    ['R-HC-CIL-6', 'Cilium’s health-check body'],
    ['R-HC-CIL-7', 'Cilium leaves :10256 off by default'],
    ['R-NP-4', 'the nftables and IPVS versions'],
  ])('some card cites %s (%s)', (rule) => {
    expect(citing(rule).length).toBeGreaterThan(0);
  });

  it.each([
    ['publishNotReadyAddresses', /publishNotReadyAddresses/],
    ['matchLabelKeys across a rollout', /matchLabelKeys: \[pod-template-hash\]/],
    ['a refusal from the Pod itself', /TCP reset/],
  ])('some card explains %s, as the article does', (_what, pattern) => {
    expect(article).toMatch(pattern);
    expect(cards.filter((c) => pattern.test(c.modelAnswer)).map((c) => c.id).length).toBeGreaterThan(0);
  });
});
