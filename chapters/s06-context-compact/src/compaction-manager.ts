// Decides and performs compactions: micro when it pays, full (summary) past the threshold, on request.
import { relative } from "node:path";
import type { MessageParam } from "@lcc/s01";
import { type AgentHooks, type CallModel, type EmitEvent, isInside, type ModelRequest } from "@lcc/s02";
import { type CompactOptions, reportedContextTokens } from "./compact-options.ts";
import { buildCompactedHistory, collectUserMessages } from "./compacted-history.ts";
import type { CompactTrigger } from "./compaction-events.ts";
import { microCompact } from "./micro-compact.ts";
import { buildSummaryInstruction, summaryTextOf, withSummaryInstruction } from "./summary-request.ts";
import type { TouchedFiles } from "./touched-files.ts";
import { saveTranscript } from "./transcript.ts";

/** Tools whose results micro-compaction never clears. */
export const KEEP_TOOL_RESULTS = ["load_skill"];

/** How the compacted history names what started it. */
const TRIGGER_TEXT: Record<CompactTrigger, string> = {
  auto: "automatically: the context was nearly full",
  manual: "at the user's request, /compact",
  tool: "at your request, the compact tool",
};

/** The reason a compaction is refused before the first model request. */
export const NOTHING_TO_COMPACT = "Nothing to compact yet.";

export interface CompactionManagerOptions {
  workspace: string;
  options: CompactOptions;
  emit: EmitEvent;
  /** Resolves (and creates) the folder transcripts are saved to. */
  transcriptsDirectory: () => Promise<string>;
  touchedFiles: TouchedFiles;
  /** Context re-injected after a compaction, already rendered: loaded skills, the open plan. */
  reinjectedContext?: () => string[];
}

export interface CompactRequest {
  trigger: CompactTrigger;
  focus?: string;
  signal: AbortSignal;
  /** The reported context size that triggered it, for the events. */
  contextTokens?: number;
}

export type CompactOutcome =
  | { ok: true; messages: MessageParam[]; transcriptPath: string; summary: string }
  | { ok: false; reason: string };

export interface CompactionStatus {
  compactions: number;
  microCompactions: number;
  consecutiveFailures: number;
  autoCompactEnabled: boolean;
}

export interface CompactionManager {
  /** transformContext (the levers) and wrapCallModel (remembers the last request's prefix). */
  hooks: AgentHooks;
  /** Compacts `messages` now; the caller installs `outcome.messages`. Never throws. */
  compact(messages: readonly MessageParam[], request: CompactRequest): Promise<CompactOutcome>;
  /** Schedules a full compaction before the next model call (the compact tool). */
  schedule(focus: string | undefined): void;
  status(): CompactionStatus;
  /**
   * Wraps the call summary requests go through (s11: its retries, since a summary request is not a
   * turn's request and so never passes the outer wrappers). Each call replaces the previous wrapper.
   */
  wrapSummaryCall(wrap: (call: CallModel) => CallModel): void;
}

/**
 * The manager for one session. Before each model call its transformContext runs a scheduled or
 * auto compaction (reported input over the threshold, while auto-compaction is on), else
 * micro-compaction when it pays. A compaction counts as failed when it errors or when the next
 * reported input is still over the threshold; `maxConsecutiveFailures` in a row turn auto-compaction
 * off until a compaction succeeds. An interrupted compaction is not a failure. Never throws.
 */
export function createCompactionManager(managerOptions: CompactionManagerOptions): CompactionManager {
  const { options, emit } = managerOptions;
  let lastRequest: Omit<ModelRequest, "messages"> | undefined;
  /** The messages of the last request (a shallow copy): the text the reported usage was counted on. */
  let lastRequestMessages: readonly MessageParam[] = [];
  let callModel: CallModel | undefined;
  let wrapSummary = (call: CallModel): CallModel => call;
  let scheduled: { focus: string | undefined } | undefined;
  /** Set by a compaction; the next reported usage tells whether it got the context under the threshold. */
  let checkNextUsage = false;
  const status: CompactionStatus = {
    compactions: 0,
    microCompactions: 0,
    consecutiveFailures: 0,
    autoCompactEnabled: true,
  };

  async function compact(
    messages: readonly MessageParam[],
    request: CompactRequest,
  ): Promise<CompactOutcome> {
    if (!lastRequest || !callModel || messages.length === 0) return { ok: false, reason: NOTHING_TO_COMPACT };
    const { trigger, signal } = request;
    const size = request.contextTokens === undefined ? {} : { contextTokens: request.contextTokens };
    emit({ type: "compaction_start", kind: "full", trigger, ...size });
    try {
      // The transcript goes to disk first: if anything below fails, the history stays as it was.
      const transcript = await saveTranscript(await managerOptions.transcriptsDirectory(), messages);
      const summaryRequest = {
        ...lastRequest,
        messages: withSummaryInstruction(messages, buildSummaryInstruction(request.focus)),
      };
      const answer = await wrapSummary(callModel)(summaryRequest, { signal, onTextDelta: () => {} });
      const summary = summaryTextOf(answer);
      if (!summary) throw new Error("the model answered without a summary");
      const transcriptPath = isInside(managerOptions.workspace, transcript)
        ? relative(managerOptions.workspace, transcript)
        : transcript;
      const compacted = buildCompactedHistory({
        summary,
        userMessages: collectUserMessages(messages),
        files: await managerOptions.touchedFiles.read(
          managerOptions.workspace,
          options.recentFiles,
          options.recentFileMaxChars,
        ),
        reinjected: managerOptions.reinjectedContext?.() ?? [],
        transcriptPath,
        trigger: TRIGGER_TEXT[trigger],
      });
      status.compactions += 1;
      // Whether it worked is known only from the next reported usage (see transformContext), so the
      // failure count is not reset here: compactions that never get under the threshold must add up.
      checkNextUsage = true;
      status.autoCompactEnabled = true;
      emit({
        type: "compaction_end",
        kind: "full",
        trigger,
        ok: true,
        ...size,
        transcriptPath,
        summaryChars: summary.length,
      });
      return { ok: true, messages: compacted, transcriptPath, summary };
    } catch (error) {
      const reason = signal.aborted
        ? "interrupted by user"
        : error instanceof Error
          ? error.message
          : String(error);
      emit({ type: "compaction_end", kind: "full", trigger, ok: false, ...size, error: reason });
      if (!signal.aborted) recordFailure(reason);
      return { ok: false, reason };
    }
  }

  function recordFailure(reason: string): void {
    status.consecutiveFailures += 1;
    if (status.consecutiveFailures < options.maxConsecutiveFailures || !status.autoCompactEnabled) return;
    status.autoCompactEnabled = false;
    emit({
      type: "notice",
      source: "compact",
      level: "warn",
      text:
        `Compaction failed ${status.consecutiveFailures} times in a row (last: ${reason}); automatic compaction is off ` +
        "for this session. Type /compact to try again; until then the context keeps growing.",
    });
  }

  function microCompactIfItPays(messages: MessageParam[], contextTokens: number): MessageParam[] {
    const result = microCompact(messages, {
      keepRecent: options.keepRecentToolResults,
      keepTools: KEEP_TOOL_RESULTS,
    });
    if (result.cleared.length === 0 || !lastRequest) return messages;
    // Tokens per character as the API counted them for the last request, not a guessed ratio.
    const tokensPerChar = contextTokens / Math.max(1, promptChars(lastRequest, lastRequestMessages));
    const freedTokens = result.freedChars * tokensPerChar;
    if (freedTokens < options.microCompactMinSavedTokens) return messages;
    emit({ type: "compaction_start", kind: "micro", trigger: "auto", contextTokens });
    status.microCompactions += 1;
    emit({
      type: "compaction_end",
      kind: "micro",
      trigger: "auto",
      ok: true,
      contextTokens,
      clearedResults: result.cleared.length,
      freedChars: result.freedChars,
    });
    return result.messages;
  }

  return {
    compact,
    schedule(focus) {
      scheduled = { focus };
    },
    status: () => ({ ...status }),
    wrapSummaryCall(wrap) {
      wrapSummary = wrap;
    },
    hooks: {
      wrapCallModel(next) {
        callModel = next;
        return (request, callOptions) => {
          const { messages: _messages, ...prefix } = request;
          lastRequest = prefix;
          lastRequestMessages = [...request.messages];
          return next(request, callOptions);
        };
      },
      async transformContext(messages, context) {
        const contextTokens = reportedContextTokens(context.state.lastUsage);
        const wanted = scheduled;
        scheduled = undefined;
        let overThreshold = contextTokens !== undefined && contextTokens > options.autoCompactTokens;
        if (checkNextUsage && contextTokens !== undefined) {
          checkNextUsage = false;
          // Summary, user messages, files and skills alone are over the threshold: compacting again cannot help.
          if (overThreshold) {
            recordFailure(`the compacted context is still over the threshold (${contextTokens} tokens)`);
            overThreshold = false;
          } else {
            status.consecutiveFailures = 0;
          }
        }
        if (wanted || (overThreshold && status.autoCompactEnabled)) {
          const trigger: CompactTrigger = wanted ? "tool" : "auto";
          const focus = wanted?.focus;
          const outcome = await compact(messages, {
            trigger,
            signal: context.signal,
            ...(focus ? { focus } : {}),
            ...(contextTokens === undefined ? {} : { contextTokens }),
          });
          if (outcome.ok) {
            delete context.state.lastUsage;
            return outcome.messages;
          }
        }
        if (
          !options.microCompact ||
          contextTokens === undefined ||
          contextTokens <= options.microCompactTokens
        ) {
          return messages;
        }
        return microCompactIfItPays(messages, contextTokens);
      },
    },
  };
}

/** Characters of the prompt, counted the way micro-compaction counts what it frees. */
function promptChars(prefix: Omit<ModelRequest, "messages">, messages: readonly MessageParam[]): number {
  const system =
    typeof prefix.system === "string" ? prefix.system.length : JSON.stringify(prefix.system).length;
  let chars = system + JSON.stringify(prefix.tools).length;
  for (const message of messages) {
    if (typeof message.content === "string") {
      chars += message.content.length;
      continue;
    }
    for (const block of message.content) {
      if (block.type === "text") chars += block.text.length;
      else if (block.type === "tool_result" && typeof block.content === "string")
        chars += block.content.length;
      else chars += JSON.stringify(block).length;
    }
  }
  return chars;
}
