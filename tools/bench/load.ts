/**
 * Drives one server with autocannon for a while and keeps every response time, so that runs of
 * the same target can be pooled before percentiles are taken.
 */
import autocannon from 'autocannon';

export interface RequestSpec {
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** Per request (PATCH: the next site and its version). */
  next?: () => { path?: string; headers?: Record<string, string> };
}

export interface LoadSample {
  latencies: number[];
  requests: number;
  seconds: number;
  /** Responses other than 2xx, and connection errors or timeouts. */
  failures: number;
}

export function drive(base: string, spec: RequestSpec, connections: number, seconds: number): Promise<LoadSample> {
  const latencies: number[] = [];
  let failures = 0;
  return new Promise((resolveSample, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections,
        duration: seconds,
        timeout: 20,
        requests: [
          {
            method: spec.method,
            path: spec.path,
            headers: spec.headers,
            body: spec.body,
            setupRequest: (request) => {
              const next = spec.next?.();
              if (!next) return request;
              return { ...request, path: next.path ?? request.path, headers: { ...request.headers, ...next.headers } };
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        resolveSample({
          latencies,
          requests: latencies.length,
          seconds: result.duration,
          failures: failures + result.errors + result.timeouts,
        });
      },
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode < 200 || statusCode >= 300) failures++;
      latencies.push(responseTime);
    });
  });
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
}
