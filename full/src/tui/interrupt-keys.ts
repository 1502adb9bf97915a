// What Ctrl-C, Esc and Ctrl-D mean at this moment, as Claude Code decides: interrupt a running turn,
// clear typed text, or (on an empty prompt) hint first and exit on the second press. Pure: no timers.

/** The keys this state machine decides about. */
export type InterruptKey = "ctrl-c" | "escape" | "ctrl-d";

/** What the shell knows when the key arrives. */
export interface InterruptContext {
  /** A turn (or a command) runs now. */
  running: boolean;
  /** The editor holds text (typed, recalled or pasted). */
  hasText: boolean;
  /** The editor's autocomplete list is open: Esc closes it, as the Editor does. */
  completionOpen: boolean;
  /** Milliseconds, the caller's clock. */
  now: number;
}

/**
 * What to do: `interrupt` the turn, `clear` the editor, show the `hint` (until `until`), `exit`, or
 * `pass` the key on to the focused component (Esc closing a list, Ctrl-D deleting the next character).
 */
export type InterruptAction =
  | { kind: "interrupt" }
  | { kind: "clear" }
  | { kind: "hint"; text: string; until: number }
  | { kind: "exit" }
  | { kind: "pass" };

/** How long the "press Ctrl-C again" hint lasts; a second press within it exits. */
export const EXIT_HINT_MS = 2000;

export const EXIT_HINT = "press Ctrl-C again to exit";

export interface InterruptKeys {
  press(key: InterruptKey, context: InterruptContext): InterruptAction;
  /** The hint to show at `now`, or undefined once it expired (or was never given). */
  hint(now: number): string | undefined;
  /** Forgets a pending hint (another key was pressed, the prompt was submitted). */
  reset(): void;
}

/**
 * The state machine. Ctrl-C: running → interrupt; text → clear; empty → hint, and exit when pressed
 * again within EXIT_HINT_MS. Esc: completion list open → pass; running → interrupt; else pass.
 * Ctrl-D: empty editor → exit (a running turn is interrupted first); else pass (the editor deletes forward).
 */
export function createInterruptKeys(hintMs = EXIT_HINT_MS): InterruptKeys {
  let hintUntil: number | undefined;
  return {
    press(key, context) {
      const armed = hintUntil !== undefined && context.now < hintUntil;
      hintUntil = undefined;
      if (key === "escape") {
        if (context.completionOpen) return { kind: "pass" };
        return context.running ? { kind: "interrupt" } : { kind: "pass" };
      }
      if (key === "ctrl-d") return context.hasText ? { kind: "pass" } : { kind: "exit" };
      if (context.running) return { kind: "interrupt" };
      if (context.hasText) return { kind: "clear" };
      if (armed) return { kind: "exit" };
      hintUntil = context.now + hintMs;
      return { kind: "hint", text: EXIT_HINT, until: hintUntil };
    },
    hint: (now) => (hintUntil !== undefined && now < hintUntil ? EXIT_HINT : undefined),
    reset() {
      hintUntil = undefined;
    },
  };
}
