// Which servers may start: a server a workspace file brought (.mcp.json, a workspace plugin) runs only once the
// user said yes, asked once per server and remembered (~/.lcc/mcp-approvals.json); without a terminal it runs
// for this session, as `claude -p` does. Everything else (flag, user, local, home plugins) starts at once.
import { sep } from "node:path";
import type { AskUser } from "@lcc/chapter-kit";
import type { EmitEvent } from "@lcc/s02";
import {
  approvalFileProblem,
  needsApproval,
  readApproval,
  rememberApproval,
} from "./config/server-approval.ts";
import type { ConfiguredServer } from "./config/server-config.ts";
import type { McpHub } from "./hub/mcp-hub.ts";

export interface ServerApprovalOptions {
  hub: McpHub;
  servers: readonly ConfiguredServer[];
  /** Where ~/.lcc/mcp-approvals.json is. */
  home: string;
  workspace: string;
  ask: AskUser;
  emit: EmitEvent;
}

export interface ServerApprovals {
  /**
   * Starts (not awaited) every server that needs no approval or was approved before; marks the others
   * `pending-approval`, or `disabled` when the user said no before. Never throws.
   */
  startTrusted(): Promise<void>;
  /**
   * Asks about each pending server once, one after the other, and starts those the user allows. A question
   * cut short by `signal` leaves its server pending (asked again in the next conversation). Never throws.
   */
  askPending(signal: AbortSignal): Promise<void>;
  /** Approves `name` (remembered) and starts it: `/mcp enable`. False when no such server needs approval. */
  enable(name: string): Promise<boolean>;
}

/** A server the workspace supplied that could start: it waits for the user's yes (one with a problem never starts). */
function waitsForApproval(server: ConfiguredServer): boolean {
  return needsApproval(server) && server.config !== undefined;
}

/** How a server is started, for the question: the command line or the URL. */
export function describeLaunch(server: ConfiguredServer): string {
  const config = server.config;
  if (config === undefined) return "";
  return config.type === "http" ? config.url : [config.command, ...config.args].join(" ");
}

/** Where a server was configured, a file inside the workspace shown relative to it (".mcp.json"). Pure. */
export function displaySource(source: string, workspace: string): string {
  return source.startsWith(workspace + sep) ? source.slice(workspace.length + 1) : source;
}

export function createServerApprovals(options: ServerApprovalOptions): ServerApprovals {
  const { hub, home, workspace, emit } = options;
  const pending = options.servers.filter(waitsForApproval);
  const decided = new Set<string>();
  const notice = (text: string, level: "info" | "warn" = "info") =>
    emit({ type: "notice", source: "mcp", level, text });
  const remember = async (server: ConfiguredServer, answer: "approved" | "denied") => {
    try {
      await rememberApproval(home, workspace, server, answer);
    } catch (error) {
      notice(`mcp: ${server.name} ${answer} for this session only: ${messageOf(error)}`, "warn");
    }
  };

  const askAbout = async (server: ConfiguredServer, signal: AbortSignal) => {
    const answer = await options.ask(
      {
        source: "mcp",
        question: `This workspace's ${displaySource(server.source, workspace)} configures the MCP server "${server.name}". Start it and give its tools to the agent?`,
        detail: `  ${describeLaunch(server)}`,
        choices: [
          { key: "y", label: "yes, use this server (remembered for this workspace)" },
          { key: "n", label: `no, leave it off (remembered; /mcp enable ${server.name} turns it on)` },
        ],
      },
      signal,
    );
    if (signal.aborted) return;
    decided.add(server.name);
    if (answer.kind === "unavailable") {
      notice(
        `mcp: no terminal to ask: ${server.name} from ${displaySource(server.source, workspace)} runs for this session (as claude -p does)`,
      );
      hub.start([server.name]);
      return;
    }
    if (answer.key === "y") {
      await remember(server, "approved");
      hub.start([server.name]);
      return;
    }
    await remember(server, "denied");
    hub.setStatus(server.name, "disabled");
  };

  return {
    async startTrusted() {
      const startable: string[] = [];
      const problem = pending.length > 0 ? await approvalFileProblem(home) : undefined;
      if (problem) notice(`mcp: the remembered approvals cannot be read: ${problem}`, "warn");
      for (const server of options.servers) {
        if (!waitsForApproval(server)) {
          startable.push(server.name);
          continue;
        }
        const answer = await readApproval(home, workspace, server);
        if (answer === "approved") {
          decided.add(server.name);
          startable.push(server.name);
        } else if (answer === "denied") {
          decided.add(server.name);
          hub.setStatus(server.name, "disabled");
        } else hub.setStatus(server.name, "pending-approval");
      }
      hub.start(startable);
    },
    async askPending(signal) {
      for (const server of pending) {
        if (signal.aborted) return;
        if (decided.has(server.name)) continue;
        await askAbout(server, signal).catch((error: unknown) =>
          notice(`mcp: asking about ${server.name} failed: ${messageOf(error)}`, "warn"),
        );
      }
    },
    async enable(name) {
      const server = pending.find((candidate) => candidate.name === name);
      if (!server) return false;
      decided.add(name);
      await remember(server, "approved");
      hub.start([name]);
      return true;
    },
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
