// Simulated prompt caching: cumulative prefix hashes at block boundaries, breakpoints with a
// 20-block lookback, and a write on every breakpoint. The cache lives as long as its owner.

import { createHash } from "node:crypto";
import type { PromptBlock } from "./prompt-blocks.ts";

/** How many block boundaries before a breakpoint a cache lookup also checks. */
export const CACHE_LOOKBACK_BLOCKS = 20;

/** The real API's limit on blocks carrying `cache_control`. */
export const MAX_CACHE_BREAKPOINTS = 4;

/** Input-side usage of one request, before the reply's output tokens are known. */
export interface InputUsage {
  input_tokens: number;
  cache_read_input_tokens: number;
  cache_creation_input_tokens: number;
}

/** The outcome of a lookup; `commit` writes the request's breakpoints into the cache. */
export interface CachePlan {
  usage: InputUsage;
  commit(): void;
}

/** A prompt cache shared by every request to one fake server. */
export interface PromptCache {
  /** Looks the prompt up without changing the cache; call `commit()` once the request is served. */
  plan(model: string, blocks: PromptBlock[]): CachePlan;
}

/** Creates an empty cache; prefixes shorter than `minCacheTokens` are never written. */
export function createPromptCache(options: { minCacheTokens: number }): PromptCache {
  const written = new Set<string>();
  return {
    plan(model, blocks) {
      const hashes = prefixHashes(model, blocks);
      const tokens = cumulativeTokens(blocks);
      const breakpoints = blocks.flatMap((block, index) => (block.isBreakpoint ? [index] : []));
      const total = tokens.at(-1) ?? 0;

      let readEnd = -1;
      for (const breakpoint of breakpoints) {
        const oldest = Math.max(0, breakpoint - CACHE_LOOKBACK_BLOCKS);
        for (let boundary = breakpoint; boundary >= oldest; boundary--) {
          if (written.has(hashes[boundary]!)) {
            readEnd = Math.max(readEnd, boundary);
            break;
          }
        }
      }
      const read = readEnd >= 0 ? tokens[readEnd]! : 0;
      const cacheable = breakpoints.filter((index) => tokens[index]! >= options.minCacheTokens);
      const lastCacheable = cacheable.at(-1);
      const creation = lastCacheable === undefined ? 0 : Math.max(0, tokens[lastCacheable]! - read);

      return {
        usage: {
          input_tokens: total - read - creation,
          cache_read_input_tokens: read,
          cache_creation_input_tokens: creation,
        },
        commit() {
          for (const index of cacheable) written.add(hashes[index]!);
        },
      };
    },
  };
}

/** The number of breakpoints in a flattened prompt. */
export function countBreakpoints(blocks: PromptBlock[]): number {
  return blocks.filter((block) => block.isBreakpoint).length;
}

function prefixHashes(model: string, blocks: PromptBlock[]): string[] {
  let hash = createHash("sha256").update(`model:${model}`).digest("hex");
  return blocks.map((block) => {
    hash = createHash("sha256").update(hash).update("\n").update(block.key).digest("hex");
    return hash;
  });
}

function cumulativeTokens(blocks: PromptBlock[]): number[] {
  let sum = 0;
  return blocks.map((block) => {
    sum += block.tokens;
    return sum;
  });
}
