// What /prompt (and lcc's --print-prompt) shows: each section in order with its source and size in
// tokens — counted by the API's count_tokens when it answers in time, else estimated, and labelled so.
import { setMaxListeners } from "node:events";
import type Anthropic from "@anthropic-ai/sdk";
import { formatCount } from "@lcc/chapter-kit";
import { assembleSystemPrompt, type SystemSection } from "@lcc/s02";

/** How long count_tokens may take, all requests together, before the sizes are estimated. */
export const COUNT_TOKENS_TIMEOUT_MS = 2_000;

/** A size in tokens and how it was obtained. */
export interface TokenSize {
  tokens: number;
  method: "counted" | "estimated";
}

export interface SectionDescription {
  name: string;
  /** The section's source, "built-in" when it has none. */
  source: string;
  chars: number;
  size: TokenSize;
  cacheBreakpoint: boolean;
}

export interface PromptDescription {
  sections: SectionDescription[];
  /** The whole system prompt as sent (sections joined). */
  system: TokenSize;
  /** The tool definitions, when given. */
  tools?: TokenSize & { count: number };
}

export interface DescribePromptOptions {
  /** Counts with `client.messages.countTokens`; none: everything is estimated. */
  client?: Pick<Anthropic, "messages">;
  model: string;
  /** The session's tool definitions (sent with every request, before the system prompt). */
  tools?: readonly Anthropic.ToolUnion[];
  signal?: AbortSignal;
  /** Default COUNT_TOKENS_TIMEOUT_MS. */
  timeoutMs?: number;
}

/** The offline estimate: a token is about four characters of English or code. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/**
 * Describes `prompt`: the sections, or anything carrying them (a session's `resolved` setup). Sizes come from count_tokens (one request per
 * section, each minus a request with no system prompt) when every request answers within the timeout;
 * otherwise — offline, no client, an error — each size is an estimate (characters / 4). Never throws
 * unless `signal` aborts.
 */
export async function describePrompt(
  prompt: readonly SystemSection[] | { readonly sections: readonly SystemSection[] },
  options: DescribePromptOptions,
): Promise<PromptDescription> {
  const sections = "sections" in prompt ? prompt.sections : prompt;
  const systemText = sections.map((section) => section.text).join("\n\n");
  const toolsText = JSON.stringify(options.tools ?? []);
  const estimate = {
    sections: sections.map((section) => estimateTokens(section.text)),
    system: estimateTokens(systemText),
    tools: estimateTokens(toolsText),
  };
  const counted = options.client ? await countAll(sections, options) : undefined;
  options.signal?.throwIfAborted();
  const size = (tokens: number | undefined, fallback: number): TokenSize =>
    tokens === undefined ? { tokens: fallback, method: "estimated" } : { tokens, method: "counted" };
  return {
    sections: sections.map((section, index) => ({
      name: section.name,
      source: section.source ?? "built-in",
      chars: section.text.length,
      size: size(counted?.sections[index], estimate.sections[index] ?? 0),
      cacheBreakpoint: section.cacheBreakpoint === true,
    })),
    system: size(counted?.system, estimate.system),
    ...(options.tools
      ? { tools: { ...size(counted?.tools, estimate.tools), count: options.tools.length } }
      : {}),
  };
}

/** Every count, or undefined when any request failed or the time ran out. */
async function countAll(
  sections: readonly SystemSection[],
  options: DescribePromptOptions,
): Promise<{ sections: number[]; system: number; tools?: number } | undefined> {
  const client = options.client;
  if (!client) return undefined;
  const timeout = AbortSignal.timeout(options.timeoutMs ?? COUNT_TOKENS_TIMEOUT_MS);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  // One listener per request on the shared signal: more than Node's default warning threshold of 10.
  setMaxListeners(sections.length + 10, signal);
  const messages: Anthropic.MessageParam[] = [{ role: "user", content: "." }];
  const count = async (extra: Partial<Pick<Anthropic.MessageCountTokensParams, "system" | "tools">>) => {
    const body: Anthropic.MessageCountTokensParams = { model: options.model, messages, ...extra };
    return (await client.messages.countTokens(body, { signal, maxRetries: 0 })).input_tokens;
  };
  try {
    const [baseline = 0, system = 0, tools, ...each] = await Promise.all([
      count({}),
      count({ system: assembleSystemPrompt(sections) }),
      options.tools ? count({ tools: [...options.tools] }) : Promise.resolve(undefined),
      ...sections.map((section) => count({ system: section.text })),
    ]);
    return {
      sections: each.map((tokens) => Math.max(0, (tokens ?? 0) - baseline)),
      system: Math.max(0, system - baseline),
      ...(tools === undefined ? {} : { tools: Math.max(0, tools - baseline) }),
    };
  } catch {
    return undefined;
  }
}

/** The description as /prompt prints it: one line per section, the cache breakpoint marked, totals. */
export function formatPromptDescription(description: PromptDescription): string {
  const label = (size: TokenSize) => `${formatCount(size.tokens)} tokens (${size.method})`;
  const nameWidth = Math.max(...description.sections.map((section) => section.name.length), 7) + 2;
  const sourceWidth = Math.max(...description.sections.map((section) => section.source.length), 6) + 2;
  const lines = [`System prompt: ${description.sections.length} sections, ${label(description.system)}`];
  description.sections.forEach((section, index) => {
    const number = String(index + 1).padStart(3);
    lines.push(
      `${number}  ${section.name.padEnd(nameWidth)}${section.source.padEnd(sourceWidth)}${label(section.size)}`,
    );
    if (section.cacheBreakpoint)
      lines.push(
        `     ── cache breakpoint: sections 1–${index + 1} are the stable prefix, cached across requests ──`,
      );
  });
  if (description.tools)
    lines.push(`Tools: ${description.tools.count} definitions, ${label(description.tools)}`);
  return lines.join("\n");
}
