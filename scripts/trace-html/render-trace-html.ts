// `renderTraceHtml`: a trace as one self-contained HTML page (inline CSS and script, no network), with a
// sticky header of totals, one section per turn, branches, compactions and decisions, and the data as JSON.
import { isAbsolute, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { TraceRecord } from "../../chapter-kit/src/trace/trace-format.ts";
import { formatCount } from "../trace-text.ts";
import { plural } from "../trace-view.ts";
import { buildPageModel } from "./build-page-model.ts";
import { escapeHtml, jsonForScript } from "./html-escape.ts";
import { buildPageData } from "./page-data.ts";
import type { PageTotals, SessionModel } from "./page-model.ts";
import { PAGE_SCRIPT } from "./page-script.ts";
import { PAGE_STYLE } from "./page-style.ts";
import type { RenderContext } from "./render-context.ts";
import { lineHtml } from "./render-line.ts";

/** Options of {@link renderTraceHtml}. */
export interface TraceHtmlOptions {
  /** The page title and heading. */
  title: string;
  /**
   * The href of a saved transcript (compaction, subagent) given its path as the trace holds it and the
   * session's working directory; undefined shows the path unlinked. Default: {@link fileTranscriptLink}.
   */
  transcriptLinks?: (path: string, cwd: string | undefined) => string | undefined;
}

/**
 * The page of `records` (as parsed by parse-trace.ts). Pure and deterministic: the same records and options
 * give byte-identical HTML. Every text from the trace is escaped. Never throws on odd but parseable records.
 */
export function renderTraceHtml(records: TraceRecord[], options: TraceHtmlOptions): string {
  const model = buildPageModel(records);
  const links = options.transcriptLinks ?? fileTranscriptLink;
  const sessions = model.sessions.map((session) => {
    const context: RenderContext = {
      session,
      largestTokens: model.totals.largestTokens,
      transcriptHref: (path) => links(path, session.start?.cwd),
      renderLine: (line) => lineHtml(line, context),
    };
    return sessionHtml(session, context, model.sessions.length);
  });
  const title = escapeHtml(options.title);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="pnpm trace --html">
<title>${title}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
${summaryHtml(title, model.totals)}
${KEYS_HTML}
<main>
${sessions.join("\n")}
</main>
<script type="application/json" id="trace-data">${jsonForScript(buildPageData(model, options.title))}</script>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}

/**
 * The default transcript link: a `file://` URL of the path, resolved against the session's working directory
 * when it is relative; undefined when neither is absolute.
 */
export function fileTranscriptLink(path: string, cwd: string | undefined): string | undefined {
  if (isAbsolute(path)) return pathToFileURL(path).href;
  return cwd !== undefined && isAbsolute(cwd) ? pathToFileURL(resolve(cwd, path)).href : undefined;
}

const KEYS_HTML = `<div id="keys" hidden role="dialog" aria-label="Keys"><b>Keys</b>
<div><kbd>j</kbd> / <kbd>↓</kbd> next turn · <kbd>k</kbd> / <kbd>↑</kbd> previous turn</div>
<div><kbd>Enter</kbd> / <kbd>Space</kbd> fold or unfold the turn (on a folded text: open it)</div>
<div><kbd>?</kbd> this help · <kbd>Esc</kbd> close it</div></div>`;

/** The sticky header: title, totals (also as data attributes) and the bar legend. */
function summaryHtml(title: string, totals: PageTotals): string {
  const failed = totals.toolErrors > 0 ? ` (${totals.toolErrors} failed)` : "";
  const parts = [
    totals.sessions > 1 ? plural(totals.sessions, "session") : "",
    plural(totals.requests, "request"),
    plural(totals.turns, "turn"),
    `${plural(totals.toolCalls, "tool call")}${failed}`,
    `input ${formatCount(totals.inputTokens)}`,
    `cache read ${formatCount(totals.cacheRead)}`,
    `cache write ${formatCount(totals.cacheWrite)}`,
    `output ${formatCount(totals.outputTokens)}`,
  ].filter(Boolean);
  const legend = [
    ["cache-read", "cache read"],
    ["cache-write", "cache write"],
    ["input", "input"],
    ["output", "output"],
  ]
    .map(([color, label]) => `<span style="--swatch: var(--${color})">${label}</span>`)
    .join("");
  const data = `data-sessions="${totals.sessions}" data-requests="${totals.requests}" data-turns="${totals.turns}" data-tool-calls="${totals.toolCalls}"`;
  return `<header id="summary" ${data}><h1>${title}</h1><span class="totals">${parts.join(" · ")}</span><span class="legend dim">${legend}</span><button id="help-button" type="button" title="Keys">?</button></header>`;
}

/** A session: where and when it ran, then its main line. */
function sessionHtml(session: SessionModel, context: RenderContext, sessions: number): string {
  const start = session.start;
  const details = start
    ? [start.source, start.time, start.cwd, start.argv?.length ? start.argv.join(" ") : ""].filter(Boolean)
    : ["no trace_start record"];
  const name = sessions > 1 || start ? `session ${session.number}` : "";
  const head = `<header class="session-head">${name} <span class="dim">${escapeHtml(details.join(" · "))}</span></header>`;
  return `<section class="session" data-session="${session.number}">${head}${lineHtml(session.main, context)}</section>`;
}
