// The trace page's stylesheet, inlined into the page: a light theme, monospace for code and texts, token bars,
// a sticky header with the totals, and print rules (everything unfolded, no backgrounds but the bars).

/** The page's CSS. */
export const PAGE_STYLE = `
:root {
  --ink: #1d2228; --dim: #667080; --line: #d9dee5; --paper: #ffffff; --panel: #f6f8fa;
  --accent: #2f6fbd; --warn: #9a5b00; --error: #b42318;
  --cache-read: #5b8fd0; --cache-write: #e0a03a; --input: #8e6bbf; --output: #3f9d5a;
  --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
}
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: var(--paper); font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; }
a { color: var(--accent); }
pre, code, .tool-name, .tool-head, .key, .fold summary { font-family: var(--mono); font-size: 12.5px; }
pre { margin: 4px 0; padding: 6px 8px; background: var(--panel); border: 1px solid var(--line); border-radius: 4px; white-space: pre-wrap; overflow-wrap: anywhere; }
.dim { color: var(--dim); }
.error { color: var(--error); font-weight: 600; }
.warn { color: var(--warn); }
.label { display: inline-block; min-width: 4em; color: var(--dim); font-size: 12px; text-transform: lowercase; }
#summary { position: sticky; top: 0; z-index: 2; background: var(--paper); border-bottom: 1px solid var(--line); padding: 8px 20px; display: flex; flex-wrap: wrap; gap: 4px 16px; align-items: baseline; }
#summary h1 { font-size: 16px; margin: 0; }
#summary .totals { color: var(--dim); }
#summary .legend span::before { content: ""; display: inline-block; width: 10px; height: 10px; margin: 0 4px 0 10px; border-radius: 2px; background: var(--swatch); }
#help-button { margin-left: auto; font: inherit; border: 1px solid var(--line); background: var(--panel); border-radius: 4px; cursor: pointer; }
#keys { position: fixed; right: 20px; top: 56px; z-index: 3; background: var(--paper); border: 1px solid var(--line); border-radius: 6px; padding: 8px 16px; box-shadow: 0 4px 16px rgba(0,0,0,.12); }
#keys[hidden] { display: none; }
#keys kbd { font-family: var(--mono); border: 1px solid var(--line); border-radius: 3px; padding: 0 4px; }
main { max-width: 1100px; margin: 0 auto; padding: 12px 20px 40px; }
.session-head { font-weight: 600; margin: 16px 0 8px; }
.turn { border: 1px solid var(--line); border-left: 4px solid var(--line); border-radius: 6px; margin: 10px 0; padding: 6px 12px; scroll-margin-top: 70px; }
.turn:focus { outline: none; }
.turn.current, .turn:focus-visible { border-left-color: var(--accent); }
.turn-head { cursor: default; }
.turn-name { font-weight: 600; }
.turn.folded > .turn-body { display: none; }
.turn.folded > .turn-head::after { content: " (folded)"; color: var(--dim); }
.history { display: flex; align-items: center; gap: 8px; color: var(--dim); margin: 4px 0; }
.strip { display: inline-flex; width: 160px; height: 8px; border: 1px solid var(--line); border-radius: 2px; flex: none; }
.strip .kept { background: #c7d3e3; }
.strip .added { background: var(--accent); }
.message { margin: 4px 0 4px 8px; }
.message .role, .reply-head { font-weight: 600; color: var(--dim); }
.reply { margin: 6px 0 2px; }
.reply-foot { display: flex; flex-wrap: wrap; gap: 4px 16px; align-items: center; margin-top: 4px; }
.stop-reason { font-family: var(--mono); font-size: 12px; padding: 1px 6px; border: 1px solid var(--line); border-radius: 10px; }
.tokens { flex: 1; min-width: 320px; }
.bar-row { display: flex; align-items: center; gap: 8px; font-size: 12px; color: var(--dim); }
.bar-label { width: 4em; }
.track { display: flex; flex: 1; height: 9px; background: var(--panel); border-radius: 2px; overflow: hidden; }
.bar { display: block; height: 100%; }
.bar[data-kind="cache_read"] { background: var(--cache-read); }
.bar[data-kind="cache_write"] { background: var(--cache-write); }
.bar[data-kind="input"] { background: var(--input); }
.bar[data-kind="output"] { background: var(--output); }
.bar-numbers { width: 24em; font-family: var(--mono); }
.tool-call { border: 1px solid var(--line); border-radius: 4px; margin: 6px 0; padding: 4px 10px; }
.tool-call[data-status="error"], .tool-call[data-status="interrupted"] { border-color: #e7b1ab; }
.tool-name { font-weight: 600; }
.fields .field { display: flex; gap: 8px; align-items: baseline; }
.fields .field pre { flex: 1; }
.key { color: var(--dim); min-width: 6em; }
.decision { margin: 3px 0; padding: 2px 8px; border-left: 3px solid var(--accent); background: #f1f6fc; font-size: 13px; }
.decision[data-decision="deny"] { border-left-color: var(--error); background: #fdf1f0; }
.decision.notice { border-left-color: var(--warn); background: #fdf7ec; }
.event { margin: 3px 0; color: var(--dim); font-size: 13px; }
.branch { margin: 6px 0 6px 6px; padding: 4px 0 4px 12px; border-left: 3px dashed var(--accent); }
.branch-name { font-weight: 600; color: var(--accent); }
.compaction { margin: 10px 0; padding: 6px 12px; border: 1px dashed var(--warn); border-radius: 6px; background: #fffaf0; }
.compaction-head .label, .shrink { color: var(--warn); font-weight: 600; }
.fold > summary { cursor: pointer; color: var(--dim); }
.fold .size { color: var(--ink); }
details.system > summary, details.tools > summary, details.thinking > summary { cursor: pointer; color: var(--dim); }
.tool-def { margin: 4px 0 8px; }
.count-tokens { color: var(--dim); margin: 6px 0; }
@media print {
  body { font-size: 11px; }
  #summary { position: static; }
  #help-button, #keys { display: none !important; }
  main { max-width: none; padding: 0; }
  pre, .decision, .compaction, .track, #summary, .decision.notice, .decision[data-decision="deny"] { background: none; }
  .turn { break-inside: auto; border-left-width: 1px; }
  .turn.folded > .turn-body { display: block; }
  .turn.folded > .turn-head::after { content: none; }
  details::details-content { content-visibility: visible; display: block; }
  details > summary { list-style: none; }
  .bar, .strip span { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;
