/**
 * An open-loop load generator for the HTTP bench: requests ARRIVE at a fixed average rate as a Poisson process
 * (independent students, not a lock-step crowd) and are sent over a pool of at most `connections` keep-alive
 * connections. Latency is measured from each request's scheduled arrival, so a request that waits for a free
 * connection or a busy server counts that wait (no coordinated omission).
 *
 * Why not autocannon's `overallRate`: it paces every connection on its own timer, all started together, so 50
 * connections at 1 req/s each send 50 requests in the same millisecond once a second — a burst whose queue,
 * not the server's speed, sets the latency (the static page measured p50 29 ms at 50 req/s that way, 1 ms here).
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

export interface OpenLoopRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface OpenLoopResult {
  offered: number;
  /** Completed requests per second over the run. */
  achieved: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  count: number;
  /** Responses by status class, e.g. { '2xx': 998, '4xx': 2 }; network errors under 'error'. */
  statuses: Record<string, number>;
}

/** The q-quantile (0..1) of sorted values, nearest rank. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

export async function openLoop(o: {
  baseUrl: string;
  rate: number;
  durationSeconds: number;
  connections: number;
  next: () => OpenLoopRequest;
  seed?: number;
}): Promise<OpenLoopResult> {
  const url = new URL(o.baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.connections });
  const rng = xoroshiro128plus(o.seed ?? 42);
  const uniform = () => 1 - uniformFloat64(rng); // (0, 1]
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const inFlight: Promise<void>[] = [];

  const send = (req: OpenLoopRequest, scheduledAt: number) =>
    new Promise<void>((resolve) => {
      const done = (key: string) => {
        latencies.push(performance.now() - scheduledAt);
        statuses[key] = (statuses[key] ?? 0) + 1;
        resolve();
      };
      const r = http.request(
        { host: url.hostname, port: url.port, method: req.method, path: req.path, headers: req.headers, agent },
        (res) => {
          res.resume();
          res.on('end', () => done(`${Math.floor((res.statusCode ?? 0) / 100)}xx`));
        },
      );
      r.on('error', () => done('error'));
      r.end(req.body);
    });

  const start = performance.now();
  const end = start + o.durationSeconds * 1000;
  let at = start;
  for (;;) {
    at += (-Math.log(uniform()) / o.rate) * 1000; // exponential gap: Poisson arrivals
    if (at >= end) break;
    const wait = at - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(send(o.next(), at));
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  const sorted = latencies.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    offered: o.rate,
    achieved: Math.round(sorted.length / elapsed),
    p50: round(quantile(sorted, 0.5)),
    p90: round(quantile(sorted, 0.9)),
    p99: round(quantile(sorted, 0.99)),
    max: round(sorted[sorted.length - 1] ?? NaN),
    count: sorted.length,
    statuses,
  };
}
