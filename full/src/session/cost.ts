// Usage and cost: token totals per model from what the API reported, cache hit rate, a price table.

/** Token counts as the Messages API reports them (all non-negative integers). */
export interface TokenUsage {
  input_tokens: number;
  output_tokens: number;
  cache_read_input_tokens: number;
  cache_creation_input_tokens: number;
}

/** USD per million tokens. Cache writes (5-minute TTL) cost 1.25× input, cache reads 0.1× input. */
export interface ModelPrice {
  input: number;
  output: number;
  /** Shown next to the estimate when the price is a family price rather than the exact model's. */
  note?: string;
}

/** Longest matching prefix wins. Models matching nothing have an "unknown" cost. */
export const PRICE_TABLE: ReadonlyArray<{ prefix: string; price: ModelPrice }> = [
  { prefix: "claude-opus-4-5", price: { input: 5, output: 25 } },
  { prefix: "claude-opus-4-1", price: { input: 15, output: 75 } },
  { prefix: "claude-opus-4-0", price: { input: 15, output: 75 } },
  { prefix: "claude-opus-4-2025", price: { input: 15, output: 75 } },
  { prefix: "claude-3-opus", price: { input: 15, output: 75 } },
  { prefix: "claude-sonnet-4", price: { input: 3, output: 15 } },
  { prefix: "claude-3-7-sonnet", price: { input: 3, output: 15 } },
  { prefix: "claude-3-5-sonnet", price: { input: 3, output: 15 } },
  { prefix: "claude-sonnet-", price: { input: 3, output: 15, note: "Sonnet-family list price" } },
  { prefix: "claude-haiku-4-5", price: { input: 1, output: 5 } },
  { prefix: "claude-3-5-haiku", price: { input: 0.8, output: 4 } },
  { prefix: "claude-3-haiku", price: { input: 0.25, output: 1.25 } },
];

export const CACHE_WRITE_MULTIPLIER = 1.25;
export const CACHE_READ_MULTIPLIER = 0.1;

export function priceOf(model: string): ModelPrice | undefined {
  let best: { prefix: string; price: ModelPrice } | undefined;
  for (const entry of PRICE_TABLE) {
    if (model.startsWith(entry.prefix) && (!best || entry.prefix.length > best.prefix.length)) best = entry;
  }
  return best?.price;
}

/**
 * Estimated USD for `usage` on `model`, or undefined when the model's price is unknown. Rounded to
 * 10 decimals, so JSON output shows 0.0099075, not float noise like 0.009907500000000001.
 */
export function estimateCost(model: string, usage: TokenUsage): number | undefined {
  const price = priceOf(model);
  if (!price) return undefined;
  const perMillionTokens =
    usage.input_tokens * price.input +
    usage.cache_creation_input_tokens * price.input * CACHE_WRITE_MULTIPLIER +
    usage.cache_read_input_tokens * price.input * CACHE_READ_MULTIPLIER +
    usage.output_tokens * price.output;
  return Number((perMillionTokens / 1_000_000).toFixed(10));
}

/** Share of input tokens served from the cache: read / (uncached + read + written); 0 when none. */
export function cacheHitRate(usage: TokenUsage): number {
  const total = usage.input_tokens + usage.cache_read_input_tokens + usage.cache_creation_input_tokens;
  return total === 0 ? 0 : usage.cache_read_input_tokens / total;
}

export function emptyUsage(): TokenUsage {
  return { input_tokens: 0, output_tokens: 0, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 };
}

export function addUsage(
  total: TokenUsage,
  usage: Partial<Record<keyof TokenUsage, number | null>>,
): TokenUsage {
  return {
    input_tokens: total.input_tokens + (usage.input_tokens ?? 0),
    output_tokens: total.output_tokens + (usage.output_tokens ?? 0),
    cache_read_input_tokens: total.cache_read_input_tokens + (usage.cache_read_input_tokens ?? 0),
    cache_creation_input_tokens: total.cache_creation_input_tokens + (usage.cache_creation_input_tokens ?? 0),
  };
}

export interface UsageTracker {
  /** Records one model response's usage. */
  record(model: string, usage: Partial<Record<keyof TokenUsage, number | null>>): void;
  /** Totals over every model. */
  total(): TokenUsage;
  requests(): number;
  byModel(): ReadonlyMap<string, TokenUsage>;
  /** Sum of per-model estimates; undefined when any model used has an unknown price. */
  costUsd(): number | undefined;
  /** Usage since `mark()`: what the current prompt cost. */
  sinceMark(): TokenUsage;
  mark(): void;
}

/** Totals per model and overall; `free` makes every cost 0 (the demo model). */
export function createUsageTracker(options: { free?: boolean } = {}): UsageTracker {
  const perModel = new Map<string, TokenUsage>();
  let overall = emptyUsage();
  let atMark = emptyUsage();
  let count = 0;
  return {
    record(model, usage) {
      perModel.set(model, addUsage(perModel.get(model) ?? emptyUsage(), usage));
      overall = addUsage(overall, usage);
      count += 1;
    },
    total: () => overall,
    requests: () => count,
    byModel: () => perModel,
    costUsd() {
      if (options.free) return 0;
      let sum = 0;
      for (const [model, usage] of perModel) {
        const cost = estimateCost(model, usage);
        if (cost === undefined) return undefined;
        sum += cost;
      }
      return sum;
    },
    sinceMark: () => ({
      input_tokens: overall.input_tokens - atMark.input_tokens,
      output_tokens: overall.output_tokens - atMark.output_tokens,
      cache_read_input_tokens: overall.cache_read_input_tokens - atMark.cache_read_input_tokens,
      cache_creation_input_tokens: overall.cache_creation_input_tokens - atMark.cache_creation_input_tokens,
    }),
    mark() {
      atMark = overall;
    },
  };
}

/** "950", "12.3k", "1.20M". */
export function formatTokens(count: number): string {
  if (count < 1000) return String(count);
  if (count < 1_000_000) return `${(count / 1000).toFixed(count < 10_000 ? 1 : 0)}k`;
  return `${(count / 1_000_000).toFixed(2)}M`;
}

/** "$0.0042" or "unknown". */
export function formatUsd(cost: number | undefined): string {
  if (cost === undefined) return "unknown";
  return `$${cost.toFixed(cost < 1 ? 4 : 2)}`;
}
