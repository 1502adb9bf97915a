// The ask channel: a question with choices for the user, answered by the terminal, kept apart from
// the prompt queue (an answer never becomes the next prompt). Without a terminal every ask is refused.

/** One answer the user can pick. `key` is what the caller gets back; the user may type it or its number. */
export interface AskChoice {
  key: string;
  label: string;
}

export interface AskRequest {
  /** Who asks (a permission rule, a hook, a tool): shown before the question. */
  source: string;
  question: string;
  /** What the question is about (a command, a diff), shown under it. */
  detail?: string;
  /** At least one. The last choice is the refusal the terminal picks on Ctrl-C. */
  choices: readonly AskChoice[];
  /**
   * The answer may carry a line of text for the model (a refusal's reason, "n use pnpm instead"): the
   * terminal offers a way to type it. Without it, text after a choice is not asked for.
   */
  takesText?: boolean;
  /** The tool call a permission question is about, for an answerer that is a program (lcc's Agent SDK mode). */
  call?: { id: string; name: string; input: unknown };
}

export type AskAnswer =
  /** The user picked `key`; `text` is anything typed after it ("n use pnpm instead" → "use pnpm instead"). */
  | {
      kind: "choice";
      key: string;
      text?: string;
      /** A program's replacement for `call.input` with its yes (an SDK host's updatedInput); the asker may apply it. */
      input?: unknown;
    }
  /** Nobody could answer (no terminal, interrupted): callers treat it as a refusal and say `reason`. */
  | { kind: "unavailable"; reason: string };

/**
 * Asks the user. Contract: never throws; resolves `unavailable` when the signal aborts or when there is
 * no terminal to answer. Implementations show the question and read exactly one answer.
 */
export type AskUser = (request: AskRequest, signal: AbortSignal) => Promise<AskAnswer>;

/** The ask of a session without a terminal (headless runs, piped stdin): every question is refused. */
export const askWithoutTerminal: AskUser = async () => ({
  kind: "unavailable",
  reason: "there is no terminal to ask the user (headless or piped input), so the request was refused",
});

/**
 * A channel whose answering side is attached later: a chapter's agent is built before its REPL starts,
 * so the agent gets `ask` now and the REPL calls `serve` when it can answer (and again with undefined
 * when it stops). While nobody serves, `ask` refuses as askWithoutTerminal does. Questions wait their
 * turn: the next is shown only once the previous one was answered (one asked after its signal aborted is
 * refused without being shown).
 */
export interface AskChannel {
  ask: AskUser;
  serve(answerer: AskUser | undefined): void;
}

export function createAskChannel(): AskChannel {
  let answerer: AskUser | undefined;
  // One question at a time: s15's teammates ask concurrently, and a terminal reads one answer at a time.
  let line: Promise<unknown> = Promise.resolve();
  return {
    ask: (request, signal) => {
      const turn = line.then(() =>
        signal.aborted
          ? ({ kind: "unavailable", reason: "the turn was interrupted" } as const)
          : (answerer ?? askWithoutTerminal)(request, signal),
      );
      line = turn.catch(() => undefined);
      return turn;
    },
    serve(next) {
      answerer = next;
    },
  };
}

/**
 * Reads an answer line: a choice's number (1-based) or key, optionally followed by text. Undefined when
 * the line names no choice. Pure.
 */
export function parseAskAnswer(line: string, choices: readonly AskChoice[]): AskAnswer | undefined {
  const match = /^\s*(\S+)\s*([\s\S]*)$/.exec(line);
  if (!match) return undefined;
  const head = (match[1] ?? "").toLowerCase().replace(/[.:,)]$/, "");
  const text = (match[2] ?? "").trim();
  const byNumber = /^\d+$/.test(head) ? choices[Number(head) - 1] : undefined;
  const choice = byNumber ?? choices.find((candidate) => candidate.key.toLowerCase() === head);
  if (!choice) return undefined;
  return text ? { kind: "choice", key: choice.key, text } : { kind: "choice", key: choice.key };
}
