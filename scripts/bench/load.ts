import autocannon, { type RequestData } from "autocannon";
import { latency, type Latency } from "./percentiles";

export type LoadOptions = {
  url: string;
  headers?: Record<string, string>;
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  /** Called for every request, so each can differ (a new userName, a random user to look up). */
  nextRequest: () => RequestData;
};

export type LoadResult = {
  /** 2xx responses per second. */
  perSecond: number;
  responses: number;
  ok: number;
  /** Responses that were not 2xx, by status, plus connection errors and timeouts. */
  errors: { total: number; byStatus: Record<string, number>; connectionErrors: number; timeouts: number; firstMessages: string[] };
  /** Over every response of the measured run, whatever its status. */
  latencyMs: Latency;
  durationSeconds: number;
};

/** Runs autocannon (after a warm-up whose responses are not counted) and measures it from its responses. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const times: number[] = [];
  const byStatus: Record<string, number> = {};
  const firstMessages: string[] = [];
  let ok = 0;
  const instance = autocannon({
    url: options.url,
    headers: options.headers,
    connections: options.connections,
    duration: options.durationSeconds,
    warmup: { connections: options.connections, duration: options.warmupSeconds },
    requests: [{ setupRequest: (request) => ({ ...request, ...options.nextRequest() }) }],
  });
  instance.on("response", (_client, statusCode, _bytes, responseTime) => {
    times.push(responseTime);
    if (statusCode >= 200 && statusCode < 300) ok++;
    else byStatus[statusCode] = (byStatus[statusCode] ?? 0) + 1;
  });
  instance.on("reqError", (error) => {
    if (firstMessages.length < 3) firstMessages.push(error.message);
  });
  const result = await instance;
  const non2xx = Object.values(byStatus).reduce((sum, n) => sum + n, 0);
  return {
    perSecond: Math.round(ok / result.duration),
    responses: times.length,
    ok,
    errors: { total: non2xx + result.errors, byStatus, connectionErrors: result.errors - result.timeouts, timeouts: result.timeouts, firstMessages },
    latencyMs: latency(times),
    durationSeconds: result.duration,
  };
}
