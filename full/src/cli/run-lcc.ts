// What `lcc` does, given its process I/O: parse flags, pick the workspace, the model (real or demo)
// and the session, then run headless or interactive. Heavy modules load lazily to keep start-up fast.
import { join, resolve as resolvePath } from "node:path";
import { createColors, shouldUseColor } from "../terminal/colors.ts";
import { type ParsedArgs, parseArgs, type RunOptions } from "./args.ts";
import { EXIT_CODES, helpText } from "./help-text.ts";
import { mcpConfigArgProblems, resolveMcpConfigArgs } from "./mcp-flags.ts";
import { PIPED_FIRST_BYTE_WAIT_MS } from "./read-stdin.ts";
import { VERSION, versionLine } from "./version.ts";

export interface LccIo {
  argv: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  sigintSource?: NodeJS.EventEmitter;
  /** Reads piped stdin for -p (absent in tests that pass the prompt as an argument). */
  readStdin?: (options: { firstByteTimeoutMs?: number }) => Promise<string>;
  /** SIGTERM and SIGHUP (cli.ts): -p ends its run on them and prints its result before the process exits. */
  stop?: StopRequests;
}

/** How the process tells a run to stop, and how a run that can finish on its own asks for the time to. */
export interface StopRequests {
  /** Aborted, with the signal's name ("SIGTERM", "SIGHUP") as its reason, when the process is told to stop. */
  signal: AbortSignal;
  /** Called by a run that ends by itself once `signal` aborts (-p): the process waits for it, briefly, before it exits. */
  holdExit(): void;
}

/** Runs lcc and resolves with the exit code (see EXIT_CODES). Never rejects for user or model errors. */
export async function runLcc(io: LccIo): Promise<number> {
  const parsed: ParsedArgs = parseArgs(io.argv);
  if (parsed.kind === "help") return print(io.stdout, helpText(VERSION), EXIT_CODES.success);
  if (parsed.kind === "version") return print(io.stdout, `${versionLine()}\n`, EXIT_CODES.success);
  if (parsed.kind === "error") return print(io.stderr, `lcc: ${parsed.message}\n`, EXIT_CODES.usage);
  return run(parsed, io);
}

async function run(options: RunOptions, io: LccIo): Promise<number> {
  // Start loading the agent while the chapters' basics load: module files are read in parallel.
  const agentModule = import("../session/agent-session.ts");
  agentModule.catch(() => undefined);
  // In a terminal the TUI loads alongside too (runInteractive's own import then finds it loaded).
  const interactive = !options.print && !options.printPrompt && options.inputFormat !== "stream-json";
  if (interactive && io.stdin.isTTY && io.stdout.isTTY && io.env.TERM !== "dumb")
    import("../tui/run-tui.ts").catch(() => undefined);
  const { resolveWorkspace, WorkspaceError, loadDotenv, readModelConfig, hasCredentials, createModelClient } =
    await import("@lcc/chapter-kit");
  let workspace: string;
  try {
    workspace = resolveWorkspace(options.cwd ? ["--cwd", options.cwd] : [], io.env, io.cwd);
  } catch (error) {
    if (error instanceof WorkspaceError) return print(io.stderr, `lcc: ${error.message}\n`, EXIT_CODES.usage);
    throw error;
  }
  // Never the workspace's .env: a repository must not choose where the user's key is sent.
  const envFile = options.envFile ? resolvePath(io.cwd, options.envFile) : undefined;
  for (const warning of loadDotenv(io.env, {
    ...(io.env.HOME ? { home: io.env.HOME } : {}),
    ...(envFile ? { envFile } : {}),
  }))
    io.stderr.write(`lcc: warning: ${warning}\n`);
  const { lccHome: resolveLccHome } = await import("@lcc/s04");
  const lccHome = resolveLccHome(workspace, io.env);
  const sessionsDir = join(lccHome, "sessions");
  // A --mcp-config the user typed that cannot be read is a bad command line, said before anything starts.
  const mcpConfig = resolveMcpConfigArgs(options.mcpConfig, io.cwd);
  const mcpProblems = await mcpConfigArgProblems(mcpConfig, {
    workspace,
    home: io.env.HOME ?? "",
    env: io.env,
  });
  if (mcpProblems.length > 0)
    return print(io.stderr, `lcc: ${mcpProblems.join("\nlcc: ")}\n`, EXIT_CODES.usage);

  const picked = await pickSession(options, sessionsDir, io);
  if (typeof picked === "number") return picked;

  let prompt = options.prompt;
  // The Agent SDK's protocol (--input-format stream-json): stdin carries prompts and control requests, and
  // the host's initialize shapes the session, so it is read before the session is made.
  const sdk =
    options.inputFormat === "stream-json"
      ? await (await import("../stream-json/open-stream-json.ts")).openStreamJson({
          stdin: io.stdin,
          stdout: io.stdout,
          stderr: io.stderr,
          ...(options.permissionPromptTool ? { permissionPromptTool: options.permissionPromptTool } : {}),
        })
      : undefined;
  if (options.print && !sdk) {
    const piped = io.readStdin
      ? await io.readStdin(prompt ? { firstByteTimeoutMs: PIPED_FIRST_BYTE_WAIT_MS } : {})
      : "";
    prompt = combinePrompt(prompt, piped);
    if (!prompt) {
      picked?.lock?.release();
      return print(io.stderr, "lcc: -p needs a prompt (as an argument or on stdin)\n", EXIT_CODES.usage);
    }
  }

  const config = readModelConfig(io.env);
  if (options.model) config.model = options.model;
  const demo = options.demo || !hasCredentials(config);
  const out = options.print || options.printPrompt ? io.stderr : io.stdout;
  const colors = createColors(shouldUseColor(io.env, out.isTTY));
  let closeDemo = async () => {};
  let demoSession: import("../demo/demo-session.ts").DemoSession | undefined;
  if (demo) {
    const { startDemoSession } = await import("../demo/demo-session.ts");
    demoSession = await startDemoSession({
      workspace,
      lccHome,
      headless: Boolean(options.print),
      forced: options.demo,
      // --print-prompt asks the model nothing: the tour the banner announces never starts.
      ...(options.printPrompt ? {} : { banner: { output: out, colors } }),
    });
    closeDemo = demoSession.close;
    Object.assign(config, { apiKey: "demo-key", baseURL: demoSession.baseURL });
    delete config.authToken;
    // The tour's MCP step calls the bundled server, added like a server named on the command line.
    mcpConfig.push(demoSession.mcpConfig);
  }
  // The SDK host's in-process MCP servers, reached through lcc's bridge like a server on the command line.
  if (sdk?.mcpConfig) mcpConfig.push(sdk.mcpConfig);
  const { startTracing, createAskChannel } = await import("@lcc/chapter-kit");
  const tracePath = options.trace ?? io.env.LCC_TRACE?.trim();
  const tracing = startTracing(tracePath ? resolvePath(io.cwd, tracePath) : undefined, {
    source: "lcc",
    argv: io.argv,
    onError: (error) => io.stderr.write(`lcc: warning: tracing is off: ${error.message}\n`),
  });
  // One retry policy, s11's (its waits are model_retry events in the session): the SDK's own is off.
  const client = createModelClient(config, { maxRetries: 0, ...(tracing ? { fetch: tracing.fetch } : {}) });
  const askChannel = createAskChannel();
  if (sdk?.ask) askChannel.serve(sdk.ask);
  const { createAgentSession } = await agentModule;
  const { createProductCommands, lccHelpNotes } = await import("../terminal/slash-commands.ts");
  // A team backend lcc cannot use (a typo in LCC_TEAM_BACKEND, Redis unreachable) is the user's to fix: one line.
  const session = await createAgentSession({
    client,
    config,
    workspace,
    output: out,
    env: io.env,
    lccHome,
    version: VERSION,
    ...(picked ? { resume: picked } : {}),
    ...(options.maxTurns === undefined ? {} : { maxTurns: options.maxTurns }),
    free: demo,
    commands: (current) => createProductCommands(current, { colors, demo }),
    helpNotes: lccHelpNotes(),
    permissions: {
      ...(options.permissionMode ? { mode: options.permissionMode } : {}),
      // The demo's own MCP server is lcc's, read-only: its tools are allowed as `--allowedTools` would.
      allowedTools: [...options.allowedTools, ...(demoSession?.allowedTools ?? [])],
      disallowedTools: options.disallowedTools,
    },
    projectHooks: options.projectHooks,
    ...(mcpConfig.length > 0 ? { mcpConfig } : {}),
    ...(options.strictMcpConfig ? { strictMcpConfig: true } : {}),
    ...(options.fallbackModel ? { fallbackModel: options.fallbackModel } : {}),
    // A run without a REPL has no later turn to carry a scheduled prompt: a fire would be claimed and lost.
    ...(options.print || options.printPrompt ? { cronFires: false } : {}),
    teamColor: colors.enabled,
    ...(demoSession || sdk?.hookSettings
      ? { hookSettings: [demoSession?.hookSettings, sdk?.hookSettings].filter((file) => file !== undefined) }
      : {}),
    ask: askChannel.ask,
    ...(tracing ? { observe: tracing.onEvent } : {}),
  }).catch((error: unknown) => teamBackendFailure(error, io.stderr));
  if (typeof session === "number") return session;
  // SIGTERM/SIGHUP: no handshake (s16) — every teammate is stopped now, its running command killed with it.
  io.stop?.signal.addEventListener(
    "abort",
    () => {
      for (const teammate of session.core.setup.team.running())
        teammate.abort(`lcc received ${io.stop?.signal.reason}`);
    },
    { once: true },
  );
  try {
    if (options.printPrompt) return await printPrompt(session, io.stdout);
    if (sdk) {
      const { runStreamJson, streamJsonTotals } = await import("../stream-json/run-stream-json.ts");
      io.stop?.holdExit();
      return await runStreamJson({
        session,
        opening: sdk,
        facts: {
          workspace,
          version: VERSION,
          apiKeySource: config.apiKey && !demo ? "ANTHROPIC_API_KEY" : "none",
        },
        totals: streamJsonTotals(io.env, config.maxTokens, demo),
        stderr: io.stderr,
        ...(io.stop ? { stopSignal: io.stop.signal } : {}),
        ...(io.sigintSource ? { sigintSource: io.sigintSource } : {}),
      });
    }
    if (options.print) {
      const { runHeadless } = await import("../headless/headless.ts");
      const controller = new AbortController();
      const interrupt = () => controller.abort();
      io.sigintSource?.on("SIGINT", interrupt);
      io.stop?.holdExit();
      try {
        return await runHeadless({
          session,
          prompt: prompt ?? "",
          format: options.outputFormat,
          stdout: io.stdout,
          stderr: io.stderr,
          signal: controller.signal,
          workspace,
          verbose: options.verbose,
          demo,
          ...(io.stop ? { stopSignal: io.stop.signal } : {}),
        });
      } finally {
        io.sigintSource?.off("SIGINT", interrupt);
      }
    }
    const { INTEGRATED_CHAPTER } = await import("../full-setup.ts");
    const { runInteractive } = await import("../terminal/interactive.ts");
    const { describeMcpStart } = await import("../terminal/mcp-start-line.ts");
    const resumed = picked
      ? `resumed ${picked.id} (${picked.messages.length} messages)`
      : `new session ${session.sessionId()}`;
    // The MCP servers as they stand now; runInteractive subscribes in the same tick, so each later change
    // prints above the prompt once (s19's renderer), none lost in between and the prompt never waits.
    const mcp = describeMcpStart(session.core.setup.mcp.servers());
    const banner =
      `${colors.bold("lcc")} ${VERSION} · model ${config.model} · chapters s01–${INTEGRATED_CHAPTER}\n` +
      `${colors.dim(`workspace: ${workspace}\n${resumed}\n${mcp ? `${mcp}\n` : ""}/help for commands · Ctrl-C interrupts · Ctrl-D exits`)}\n\n` +
      (picked?.repairedToolUseIds.length
        ? `${colors.yellow("⚠")} The last turn was cut off; ${picked.repairedToolUseIds.length} unfinished tool call(s) are marked interrupted.\n`
        : "");
    await runInteractive({
      session,
      input: io.stdin,
      output: io.stdout,
      colors,
      workspace,
      historyPath: join(lccHome, "history"),
      demo,
      animate: Boolean(io.stdout.isTTY) && io.env.TERM !== "dumb",
      askChannel,
      banner,
      ...(options.prompt ? { initialPrompt: options.prompt } : {}),
      ...(io.sigintSource ? { sigintSource: io.sigintSource } : {}),
    });
    return EXIT_CODES.success;
  } finally {
    await session.close();
    await tracing?.fetch.idle();
    await closeDemo();
  }
}

/**
 * `--print-prompt`: s10's `/prompt` (each section, its source, its size in tokens — counted by the API's
 * count_tokens when it answers, else estimated) and then `/prompt full`, the text as the model reads it.
 */
async function printPrompt(
  session: { runCommand(line: string, signal: AbortSignal, write: (text: string) => void): Promise<boolean> },
  stdout: NodeJS.WritableStream,
): Promise<number> {
  const signal = new AbortController().signal;
  const write = (text: string) => stdout.write(text);
  await session.runCommand("/prompt", signal, write);
  stdout.write(`\n${"─".repeat(40)} the system prompt as sent\n\n`);
  await session.runCommand("/prompt full", signal, write);
  return EXIT_CODES.success;
}

/** The session to continue or resume; a number is an exit code (listing printed, or not found). */
async function pickSession(options: RunOptions, sessionsDir: string, io: LccIo) {
  if (!options.continueLast && options.resume === undefined) return undefined;
  const { findSession, listSessions, SessionReadError } = await import("../session/session-store.ts");
  const { resumeSession } = await import("../session/resume-session.ts");
  if (options.resume === "") {
    const sessions = listSessions(sessionsDir);
    if (sessions.length === 0) return print(io.stdout, `No sessions in ${sessionsDir}\n`, EXIT_CODES.success);
    const { formatSessionTime } = await import("../terminal/slash-commands.ts");
    const rows = sessions.map(
      (entry) => `${entry.id}  ${formatSessionTime(entry.modifiedMs)}  ${entry.firstPrompt ?? ""}`,
    );
    return print(io.stdout, `${rows.join("\n")}\n`, EXIT_CODES.success);
  }
  const found = options.continueLast
    ? listSessions(sessionsDir, { firstPrompts: false })[0]
    : findSession(sessionsDir, options.resume ?? "");
  if (!found) {
    const what = options.continueLast ? "No session to continue" : `No session matches "${options.resume}"`;
    return print(
      io.stderr,
      `lcc: ${what} in ${sessionsDir} (lcc -r lists them)\n`,
      EXIT_CODES.sessionNotFound,
    );
  }
  try {
    return resumeSession(found.path, found.id);
  } catch (error) {
    if (!(error instanceof SessionReadError)) throw error;
    return print(io.stderr, `lcc: ${error.message}\n`, EXIT_CODES.sessionNotFound);
  }
}

/** The prompt argument and piped stdin together: the argument first, the piped text after it. */
export function combinePrompt(argument: string | undefined, piped: string): string | undefined {
  const text = piped.trim();
  if (!text) return argument?.trim() || undefined;
  if (!argument?.trim()) return text;
  return `${argument.trim()}\n\n<stdin>\n${text}\n</stdin>`;
}

function print(stream: NodeJS.WritableStream, text: string, code: number): number {
  stream.write(text);
  return code;
}

/** The exit code for a team transport that cannot be opened (2: a bad LCC_TEAM_BACKEND, 1: unreachable); rethrows anything else. */
function teamBackendFailure(error: unknown, stderr: NodeJS.WritableStream): number {
  if (!(error instanceof Error) || error.name !== "TeamTransportError") throw error;
  stderr.write(`lcc: ${error.message}\n`);
  return error.message.startsWith("LCC_TEAM_BACKEND is invalid") ? EXIT_CODES.usage : EXIT_CODES.failure;
}
