// `lcc` in a terminal on pi-tui: the transcript, the activity line and queued messages, the prompt editor
// (or a question's dialog in its place), the status line. Keys, turns, steering and the exit are wired here.
import type { AgentEvent } from "@lcc/s02";
import { DEFAULT_CONTEXT_WINDOW } from "@lcc/s02";
import {
  type Component,
  Container,
  matchesKey,
  ProcessTerminal,
  type Terminal,
  TUI,
} from "@mariozechner/pi-tui";
import { toTokenUsage } from "../session/meter-call-model.ts";
import { workingTeammates } from "../session/team-left.ts";
import type { InteractiveOptions } from "../terminal/interactive.ts";
import { modeCycle } from "../terminal/session-status.ts";
import { createActivityLine } from "./activity-line.ts";
import { AskDialog, createDialogAsk } from "./ask-dialog.ts";
import { createCompletionProvider } from "./completion.ts";
import { createHistorySearch } from "./history-search.ts";
import { loadInputHistory } from "./input-history.ts";
import { createInterruptKeys, EXIT_HINT_MS, type InterruptKey } from "./interrupt-keys.ts";
import { PromptEditor } from "./prompt-editor.ts";
import { createShellWork, type ShellWork } from "./shell-work.ts";
import { createStatusLine, describeStatus, type StatusState } from "./status-line.ts";
import { createSteering } from "./steering.ts";
import { createTuiTheme } from "./theme.ts";
import { createTranscript } from "./transcript.ts";

export type TuiOptions = InteractiveOptions & {
  /** The terminal to draw on (a virtual one in tests); default the process's own. */
  terminal?: Terminal;
  /** Events the session raised before the TUI subscribed (while it loaded): shown first, in order. */
  earlyEvents?: readonly AgentEvent[];
};

/** How often the status line is checked for changes nothing announces (a background command ending). */
const STATUS_POLL_MS = 500;
/** Long enough for pi-tui's render throttle (16 ms) to draw the last frame before it stops. */
const LAST_FRAME_MS = 40;
/** At exit, input is drained for at most DRAIN_MS, or until none came for DRAIN_IDLE_MS. */
const DRAIN_MS = 250;
const DRAIN_IDLE_MS = 30;

/**
 * Runs until /exit, /quit, Ctrl-D on an empty input, or Ctrl-C twice on an empty input. Then the TUI
 * stops (the terminal is restored), the ask channel is released, and what is left running is named.
 */
export async function runTui(options: TuiOptions): Promise<void> {
  const { session, colors } = options;
  const terminal = options.terminal ?? new ProcessTerminal();
  const tui = new TUI(terminal);
  tui.setClearOnShrink(false); // rows freed at the bottom are cleared in place: no full redraw, no flicker
  // NO_COLOR: the input draws no reverse-video cursor, so the terminal's own cursor shows where typing goes.
  if (!colors.enabled) tui.setShowHardwareCursor(true);
  const requestRender = () => tui.requestRender();
  const theme = createTuiTheme(colors);
  const transcript = createTranscript({
    colors,
    workspace: options.workspace,
    setup: () => session.core.resolved,
    requestRender,
    width: () => terminal.columns,
  });
  const activity = createActivityLine({
    colors,
    requestRender,
    tokens: () => {
      const turn = session.usage.sinceMark();
      return (
        turn.input_tokens +
        turn.cache_read_input_tokens +
        turn.cache_creation_input_tokens +
        turn.output_tokens
      );
    },
  });
  const steering = createSteering({
    queue: session.core.queue,
    colors,
    onDelivered: (text) => transcript.user(text),
    requestRender,
  });
  const editor = new PromptEditor(tui, theme.editor, colors);
  editor.setAutocompleteProvider(
    createCompletionProvider({
      commands: () => [
        ...session.core.resolved.commands,
        { name: "exit", summary: "leave lcc (also Ctrl-D)" },
        { name: "quit", summary: "leave lcc" },
      ],
      workspace: options.workspace,
    }),
  );
  /** The input history, newest last: the file's, then what is sent in this session (↑/↓ and Ctrl-R). */
  const history = loadInputHistory(options.historyPath);
  for (const entry of history) editor.addToHistory(entry);
  const slot = new Container();
  /** What replaces the input, newest first: a question's dialog, the Ctrl-R search. */
  const covers: Component[] = [];
  slot.addChild(editor);
  const keys = createInterruptKeys();
  const permissions = () => session.core.setup.permissions;
  const statusState = (): StatusState => {
    const { setup, state } = session.core;
    return {
      model: session.core.model(),
      mode: permissions().mode(),
      ...(state.lastUsage ? { lastUsage: toTokenUsage(state.lastUsage) } : {}),
      contextWindow: setup.contextWindow?.tokens ?? DEFAULT_CONTEXT_WINDOW,
      background: setup.background.running(),
      working: workingTeammates(setup).length,
    };
  };
  tui.addChild(transcript.component);
  // While a question is open its dialog says what waits: no spinner above it.
  tui.addChild({
    render: (width) => (covers[0] instanceof AskDialog ? [] : activity.component.render(width)),
    invalidate: () => activity.component.invalidate(),
  });
  tui.addChild(steering.component);
  tui.addChild(slot);
  /** A short note under the status line (what Ctrl-C just did), until `until`. */
  let note: { text: string; until: number } | undefined;
  const hint = () => {
    const now = Date.now();
    return keys.hint(now) ?? (note && now < note.until ? note.text : undefined);
  };
  const statusLine = createStatusLine(statusState, colors, hint);
  tui.addChild(statusLine);

  /** Shift+Tab's mode change shows in the status line, not as a transcript line of its own. */
  let cyclingMode = false;
  const show = (event: AgentEvent) => {
    if (cyclingMode && event.type === "permission_mode") return;
    transcript.render(event);
    activity.onEvent(event);
  };
  for (const event of options.earlyEvents ?? []) show(event);
  const unsubscribe = session.core.subscribe(show);
  if (options.banner) transcript.print(options.banner.replace(/\n+$/, ""));

  let closeShell: () => void = () => {};
  const closed = new Promise<void>((resolve) => {
    closeShell = resolve;
  });
  const work: ShellWork = createShellWork({
    options,
    transcript,
    activity,
    steering,
    requestRender,
    exit: () => closeShell(),
    takeBack: (texts) => {
      const typed = editor.getText();
      editor.setText([...texts, ...(typed ? [typed] : [])].join("\n"));
    },
  });

  const focusTop = () => {
    const top = covers[0] ?? editor;
    slot.clear();
    slot.addChild(top);
    tui.setFocus(top);
    requestRender();
  };
  const cover = (component: Component) => {
    covers.unshift(component);
    focusTop();
  };
  const uncover = (component: Component) => {
    const index = covers.indexOf(component);
    if (index >= 0) covers.splice(index, 1);
    focusTop();
  };
  options.askChannel?.serve(
    createDialogAsk({
      colors,
      show: cover,
      hide: uncover,
      answered: (request, answer) => transcript.print(work.describeAnswer(request, answer)),
    }),
  );
  const openHistorySearch = () => {
    const search = createHistorySearch({
      entries: history,
      theme: theme.selectList,
      onPick(text) {
        uncover(search);
        editor.setText(text);
      },
      onCancel: () => uncover(search),
    });
    cover(search);
  };

  editor.onSubmit = (text) => {
    keys.reset();
    if (text.trim() === "") return;
    work.remember(text);
    editor.addToHistory(text);
    history.push(text);
    work.submit(text, editor.shownWhenSent(text));
  };

  const press = (key: InterruptKey): boolean => {
    const action = keys.press(key, {
      running: work.busy(),
      hasText: editor.getText() !== "",
      completionOpen: editor.isShowingAutocomplete(),
      now: Date.now(),
    });
    if (action.kind === "pass") return false;
    note = undefined;
    if (action.kind === "interrupt") work.interrupt();
    else if (action.kind === "exit") closeShell();
    else {
      if (action.kind === "clear") {
        editor.setText("");
        note = {
          text: "input cleared (Ctrl-C twice on an empty input exits)",
          until: Date.now() + EXIT_HINT_MS,
        };
      }
      const until = action.kind === "hint" ? action.until : (note?.until ?? 0);
      setTimeout(requestRender, until - Date.now() + 10).unref();
    }
    requestRender();
    return true;
  };
  const cycle = modeCycle(permissions().mode());
  tui.addInputListener((data) => {
    const top = covers[0];
    if (matchesKey(data, "ctrl+c")) {
      // Nothing to interrupt: Ctrl-C answers a question as Esc does (the refusal), and closes the search.
      if (top instanceof AskDialog && !work.busy()) return { data: "\x1b" };
      if (top && !work.busy()) return undefined;
      press("ctrl-c");
      return { consume: true };
    }
    if (top) return undefined;
    if (matchesKey(data, "escape")) return press("escape") ? { consume: true } : undefined;
    if (matchesKey(data, "ctrl+d")) return press("ctrl-d") ? { consume: true } : undefined;
    if (hint()) {
      keys.reset();
      note = undefined;
      requestRender();
    }
    if (matchesKey(data, "shift+tab")) {
      cyclingMode = true;
      try {
        permissions().setMode(cycle(permissions().mode()));
      } finally {
        cyclingMode = false;
      }
      requestRender();
      return { consume: true };
    }
    if (matchesKey(data, "ctrl+r")) {
      openHistorySearch();
      return { consume: true };
    }
    // Ctrl-L: clear the screen and draw everything again (after another program wrote over it).
    if (matchesKey(data, "ctrl+l")) {
      tui.requestRender(true);
      return { consume: true };
    }
    return undefined;
  });
  const onSigint = () => press("ctrl-c");
  options.sigintSource?.on("SIGINT", onSigint);
  // A kill (SIGTERM, SIGHUP) exits without unwinding: the terminal still gets its modes back.
  const restoreOnExit = () => tui.stop();
  if (!options.terminal) process.once("exit", restoreOnExit);

  let lastStatus = "";
  const statusPoll = setInterval(() => {
    const status = describeStatus(statusState(), colors, terminal.columns);
    if (status !== lastStatus) requestRender();
    lastStatus = status;
  }, STATUS_POLL_MS);
  statusPoll.unref();

  tui.setFocus(editor);
  tui.start();
  if (options.initialPrompt) {
    work.remember(options.initialPrompt);
    work.submit(options.initialPrompt);
  }
  work.startWaking();

  await closed;
  await work.stop();
  clearInterval(statusPoll);
  // The last frame: the transcript alone, so the shell's prompt follows the conversation.
  tui.removeChild(slot);
  tui.removeChild(statusLine);
  requestRender();
  await new Promise((resolve) => setTimeout(resolve, LAST_FRAME_MS));
  options.sigintSource?.off("SIGINT", onSigint);
  options.askChannel?.serve(undefined);
  unsubscribe();
  // Keys still arriving (a Kitty terminal's key releases) must not reach the shell after lcc.
  await terminal.drainInput(DRAIN_MS, DRAIN_IDLE_MS);
  tui.stop();
  if (!options.terminal) process.off("exit", restoreOnExit);
  // The session closes next (s13 stops its background commands): say which ones go with it.
  const left = work.describeLeft();
  if (left) terminal.write(left);
}
