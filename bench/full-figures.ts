// Pure helpers of the full bench: medians, target checks and figures computed from recorded requests.
import type { RecordedRequest } from "@lcc/testkit";
import type { CliRun } from "./full-cli.ts";
import type { BenchRow } from "./run.ts";

/** What each measurement adds to the full report. */
export interface Measured {
  rows: BenchRow[];
  notes: string[];
  problems: string[];
}

/** A row whose `value` (shown with `digits` decimals and `unit`) must stay at or below `limit`. */
export function atMost(figure: string, value: number, digits: number, unit: string, limit: number): BenchRow {
  return {
    figure,
    value: `${value.toFixed(digits)} ${unit}`,
    target: check(value, limit, `≤ ${limit} ${unit}`),
  };
}

/** The median of the finite values (NaN when there are none). */
export function median(values: readonly number[]): number {
  const sorted = values.filter(Number.isFinite).sort((left, right) => left - right);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The target text with a verdict: met when `value <= limit` (negate both for "at least"). */
export function check(value: number, limit: number, target: string): string {
  if (!Number.isFinite(value)) return `${target}  (not measured)`;
  return value <= limit ? `${target}  ✓` : `${target}  ✗`;
}

/** Size of the run's first /v1/messages request body in KB (1024 bytes). */
export function firstRequestKb(run: CliRun): number {
  const first = run.requests[0];
  if (!first) return Number.NaN;
  const declared = Number(first.headers["content-length"]);
  const bytes =
    Number.isFinite(declared) && declared > 0 ? declared : Buffer.byteLength(JSON.stringify(first.body));
  return bytes / 1024;
}

/** Σ cache_read / Σ (input + cache_read + cache_creation) over the requests the fake answered (0–1). */
export function cacheReadShare(requests: readonly RecordedRequest[]): number {
  let read = 0;
  let all = 0;
  for (const { usage } of requests) {
    if (!usage) continue;
    read += usage.cache_read_input_tokens;
    all += usage.input_tokens + usage.cache_read_input_tokens + usage.cache_creation_input_tokens;
  }
  return all === 0 ? Number.NaN : read / all;
}

/** Says what is wrong when the second request does not carry "round 1" back from bash. */
export function toolRoundsProblem(run: CliRun): string | undefined {
  const second = run.requests[1];
  if (!second) return "the loop never sent a second request (did the bash tool run?)";
  const last = second.body.messages.at(-1);
  const content = typeof last?.content === "string" ? last.content : JSON.stringify(last?.content ?? "");
  if (content.includes("round 1") && !content.includes('"is_error":true')) return undefined;
  return `the first bash round did not come back as "round 1": ${content.slice(0, 200)}`;
}

/** Nothing when the run exited 0, else one line naming `what`, its exit code and stderr's last lines. */
export function exitProblems(run: CliRun, what: string): string[] {
  if (run.code === 0) return [];
  return [`${what} exited with ${run.code}: ${run.stderr.trim().split("\n").slice(-3).join(" | ")}`];
}
