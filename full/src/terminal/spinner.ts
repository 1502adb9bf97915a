// A one-line spinner with elapsed time and a caller-supplied status (tokens), for TTY output only.
import type { Colors } from "./colors.ts";

const FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
const CLEAR_LINE = "\r\u001b[2K";

export interface Spinner {
  /** Shows the spinner with `label`, its clock from zero; a no-op when it already spins with that label. */
  start(label: string): void;
  /** Erases the spinner line; safe to call when not spinning. */
  stop(): void;
  /** Erases the spinner line for a moment; the returned function redraws it with the same label and clock. */
  pause(): () => void;
  isSpinning(): boolean;
  /** The label while spinning, else undefined. */
  label(): string | undefined;
}

export interface SpinnerOptions {
  output: NodeJS.WritableStream;
  colors: Colors;
  /** False for non-TTY output: every call is a no-op. */
  enabled: boolean;
  /** Extra status after the elapsed time, e.g. "12.3k tokens". */
  status?: () => string;
  intervalMs?: number;
  now?: () => number;
}

export function createSpinner(options: SpinnerOptions): Spinner {
  const now = options.now ?? Date.now;
  let timer: NodeJS.Timeout | undefined;
  let label = "";
  let startedAt = 0;
  let frame = 0;
  const render = () => {
    const seconds = ((now() - startedAt) / 1000).toFixed(1);
    const status = options.status?.();
    const details = [`${seconds}s`, status, "Ctrl-C to interrupt"].filter(Boolean).join(" · ");
    const glyph = options.colors.cyan(FRAMES[frame % FRAMES.length]!);
    frame += 1;
    options.output.write(`${CLEAR_LINE}${glyph} ${label} ${options.colors.dim(`(${details})`)}`);
  };
  const show = (next: string, since: number) => {
    label = next;
    startedAt = since;
    if (!timer) {
      timer = setInterval(render, options.intervalMs ?? 100);
      timer.unref();
    }
    render();
  };
  const stop = () => {
    if (!timer) return;
    clearInterval(timer);
    timer = undefined;
    options.output.write(CLEAR_LINE);
  };
  return {
    start(next) {
      if (!options.enabled || (timer && next === label)) return;
      show(next, now());
    },
    stop,
    pause() {
      if (!timer) return () => {};
      const [pausedLabel, pausedAt] = [label, startedAt];
      stop();
      return () => {
        if (!timer) show(pausedLabel, pausedAt);
      };
    },
    isSpinning: () => timer !== undefined,
    label: () => (timer ? label : undefined),
  };
}
