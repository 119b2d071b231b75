// Small timing helpers for the bench: wall-clock with process.hrtime.bigint().

/** Milliseconds taken by `run`, and its result. */
export function timed<T>(run: () => T): { ms: number; result: T } {
  const started = process.hrtime.bigint();
  const result = run();
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, result };
}

/** The q-quantile (0..1) of the samples, nearest-rank. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

export interface Percentiles { p50: number; p95: number; max: number; samples: number }

/** Runs `warmup` unmeasured calls, then `samples` measured ones; call(i) gets the sample's index. */
export function sample(call: (index: number) => unknown, samples: number, warmup = 10): Percentiles {
  for (let i = 0; i < warmup; i += 1) call(-1 - i);
  const times: number[] = [];
  for (let i = 0; i < samples; i += 1) times.push(timed(() => call(i)).ms);
  return { p50: round(quantile(times, 0.5)), p95: round(quantile(times, 0.95)), max: round(Math.max(...times)), samples };
}

/** Median of `runs` calls after one warm-up call. */
export function median(call: () => unknown, runs = 7): number {
  call();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) times.push(timed(call).ms);
  return round(quantile(times, 0.5));
}

export const round = (ms: number, digits = 3) => Math.round(ms * 10 ** digits) / 10 ** digits;
