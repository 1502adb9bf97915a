// The retry policy wired into the seams: a wrapCallModel (outermost, so each retry passes through the
// inner wrappers again) and a transformContext that only remembers the loop's context, so a
// prompt-too-long can compact the conversation and install it. Subagents get the wrapper alone.
import type Anthropic from "@anthropic-ai/sdk";
import type { AgentHooks, EmitEvent, HookContext, ModelRequest } from "@lcc/s02";
import type { CompactionManager } from "@lcc/s06";
import type { RecoveryTime } from "./recovery-time.ts";
import type { RetryPolicy } from "./retry-policy.ts";
import type { CompactedRequest, FallbackSwitch, RetryingCallModelOptions } from "./retrying-call-model.ts";
import { withRetries } from "./retrying-call-model.ts";

/** Overloads in a row that switch retries to the fallback model. */
export const FALLBACK_AFTER_OVERLOADS = 3;

export interface RecoveryHooksOptions {
  policy: RetryPolicy;
  time: RecoveryTime;
  /** The session's emit: used when no loop context is known yet, and by subagents' calls. */
  emit: EmitEvent;
  /** s06's manager: prompt-too-long compacts the parent's conversation with it. */
  compaction?: Pick<CompactionManager, "compact" | "wrapSummaryCall">;
  /** Retries after `FALLBACK_AFTER_OVERLOADS` overloads in a row go to this model, until the next prompt. */
  fallbackModel?: string;
  /** What to fix after a 401/403 (see {@link authHint}). */
  authHint: string;
}

export interface RecoveryHooks {
  /** For the parent loop: put FIRST in the hook list (outermost wrapper). */
  hooks: AgentHooks;
  /** For subagents: the same policy, no compaction (their history is not the parent's). */
  childHooks: AgentHooks;
}

/** Builds both hook sets; they share the fallback switch, which resets at each new prompt. */
export function createRecoveryHooks(options: RecoveryHooksOptions): RecoveryHooks {
  let context: HookContext | undefined;
  let fallbackOn = false;
  const fallback: FallbackSwitch | undefined = options.fallbackModel
    ? {
        model: options.fallbackModel,
        afterOverloads: FALLBACK_AFTER_OVERLOADS,
        active: () => fallbackOn,
        activate: () => {
          fallbackOn = true;
        },
      }
    : undefined;
  const shared = (emit: () => EmitEvent): RetryingCallModelOptions => ({
    policy: options.policy,
    time: options.time,
    authHint: options.authHint,
    onRetry: (event) => emit()({ type: "model_retry", ...event }),
    onNotice: (text) => emit()({ type: "notice", source: "recovery", level: "warn", text }),
    ...(fallback ? { fallback } : {}),
  });
  const compact = async (request: ModelRequest, signal: AbortSignal): Promise<CompactedRequest> => {
    const state = context?.state;
    // The loop sends state.messages itself; anything else is not a conversation this hook may replace.
    if (!options.compaction || !state || state.messages !== request.messages)
      return { ok: false, reason: "no conversation to compact" };
    const outcome = await options.compaction.compact(request.messages, { trigger: "auto", signal });
    if (!outcome.ok) return { ok: false, reason: outcome.reason };
    state.messages = outcome.messages;
    delete state.lastUsage;
    return { ok: true, request: { ...request, messages: outcome.messages } };
  };
  // A compaction's summary request is no turn's request: it gets the same policy (without compaction).
  options.compaction?.wrapSummaryCall((next) =>
    withRetries(
      next,
      shared(() => context?.emit ?? options.emit),
    ),
  );
  return {
    hooks: {
      transformContext(messages, loopContext) {
        context = loopContext;
        if (loopContext.turn === 1) fallbackOn = false;
        return messages;
      },
      wrapCallModel: (next) => withRetries(next, { ...shared(() => context?.emit ?? options.emit), compact }),
    },
    childHooks: {
      wrapCallModel: (next) =>
        withRetries(
          next,
          shared(() => options.emit),
        ),
    },
  };
}

/**
 * What to fix after a 401/403: the credential the client sends (ANTHROPIC_API_KEY, else
 * ANTHROPIC_AUTH_TOKEN), and ANTHROPIC_BASE_URL when `env` sets it.
 */
export function authHint(
  client: Pick<Anthropic, "apiKey" | "authToken">,
  env: NodeJS.ProcessEnv = {},
): string {
  const variable = client.apiKey
    ? "ANTHROPIC_API_KEY"
    : client.authToken
      ? "ANTHROPIC_AUTH_TOKEN"
      : undefined;
  const check = variable
    ? `Check ${variable}: the API refused it.`
    : "No credentials were sent: set ANTHROPIC_API_KEY (or ANTHROPIC_AUTH_TOKEN).";
  const baseURL = env.ANTHROPIC_BASE_URL?.trim();
  return baseURL ? `${check} Requests go to ANTHROPIC_BASE_URL=${baseURL}; check that too.` : check;
}
