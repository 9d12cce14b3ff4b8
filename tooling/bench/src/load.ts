import autocannon, { type AutocannonOptions, type AutocannonRequest } from "autocannon";

export interface LoadResult {
  latencies: number[];
  statuses: Record<number, number>;
  errors: number;
  elapsedMs: number;
}

export interface LoadOptions {
  /** Several URLs: autocannon spreads the connections over them round-robin. */
  url: string | string[];
  connections: number;
  requests?: number | undefined;
  durationS?: number | undefined;
  /** Several: each connection sends them in turn, over and over. */
  request: AutocannonRequest | AutocannonRequest[];
  /** Stop early when this aborts (a load that runs for as long as another phase does). */
  signal?: AbortSignal | undefined;
}

/**
 * Drive one endpoint with autocannon and keep every response time: autocannon's own summary has no
 * p95, and the targets are stated as p95.
 */
export function runLoad(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  const opts: AutocannonOptions = {
    url: options.url,
    connections: options.connections,
    pipelining: 1,
    timeout: 30,
    requests: Array.isArray(options.request) ? options.request : [options.request],
    ...(options.requests !== undefined
      ? { amount: Math.max(options.requests, options.connections) }
      : { duration: options.durationS ?? 10 }),
  };
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const instance = autocannon(opts, (error, result) => {
      if (error) return reject(error);
      resolve({
        latencies,
        statuses,
        errors: result.errors + result.timeouts,
        elapsedMs: performance.now() - started,
      });
    });
    instance.on("response", (_client: unknown, status: number, _bytes: number, ms: number) => {
      latencies.push(ms);
      statuses[status] = (statuses[status] ?? 0) + 1;
    });
    if (options.signal?.aborted) instance.stop();
    else options.signal?.addEventListener("abort", () => instance.stop(), { once: true });
  });
}
