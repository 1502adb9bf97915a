// The trace page in a real browser (Chromium through puppeteer-core, from a file:// URL): the s04 demo traced
// as a reader would run it, rendered, then checked through the DOM: turns, tool calls, token bars, the
// subagent's branch, keyboard navigation, printing; and a hostile trace that must not run or add anything.
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createTempWorkspace, runCli, tsxBin } from "@lcc/testkit";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseTrace } from "../../chapter-kit/src/trace/parse-trace.ts";
import type { TraceRecord, TraceToolRecord } from "../../chapter-kit/src/trace/trace-format.ts";
import { call, event, request, response, start, tool, user } from "./hand-made-records.ts";
import { renderTraceHtml } from "./render-trace-html.ts";

const CHROMIUM = "/usr/bin/chromium";
const root = fileURLToPath(new URL("../..", import.meta.url));
const screenshots = join(root, "test-output");
let browser: Browser | undefined;
let workspace: { dir: string; cleanup(): Promise<void> } | undefined;
let records: TraceRecord[] = [];
let page: Page;

/** Writes the page of `trace` to the workspace and opens it from its file:// URL in a fresh tab. */
async function openPage(name: string, trace: TraceRecord[]): Promise<Page> {
  const path = join(workspace?.dir ?? "", `${name}.html`);
  await writeFile(path, renderTraceHtml(trace, { title: name }));
  const tab = await (browser as Browser).newPage();
  await tab.setViewport({ width: 1200, height: 1400 });
  await tab.goto(pathToFileURL(path).href, { waitUntil: "load" });
  return tab;
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: the HTML trace tests need Chromium (apt-get install chromium)`);
  }
  workspace = await createTempWorkspace();
  const tracePath = join(workspace.dir, "s04.jsonl");
  const demo = await runCli({
    command: tsxBin,
    args: ["src/demo.ts"],
    cwd: join(root, "chapters", "s04-subagent"),
    env: { LCC_TRACE: tracePath, NO_COLOR: "1" },
    timeoutMs: 60_000,
  });
  if (demo.code !== 0) throw new Error(`the s04 demo failed (${demo.code}):\n${demo.stdout}${demo.stderr}`);
  records = parseTrace(await readFile(tracePath, "utf8")).records;
  browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox"] });
  page = await openPage("s04", records);
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await workspace?.cleanup();
});

describe("the trace page in Chromium", () => {
  it("shows one turn per request, with a tool call's input and output and four token bars each", async () => {
    const requests = records.filter((record) => record.type === "request").length;
    expect(requests).toBeGreaterThan(3);
    expect(await page.$$eval("section.turn", (turns) => turns.length)).toBe(requests);
    expect(await page.$eval("#summary", (summary) => summary.getAttribute("data-requests"))).toBe(
      String(requests),
    );

    const readFile = records.find(
      (record): record is TraceToolRecord => record.type === "tool" && record.name === "read_file",
    );
    const selector = `[id="s1-tool-${readFile?.id}"]`;
    expect(await page.$eval(`${selector} .tool-name`, (name) => name.textContent)).toBe("read_file");
    expect(await page.$eval(`${selector} .tool-input`, (input) => input.textContent)).toContain(
      String((readFile?.input as { path?: string } | undefined)?.path),
    );
    expect(await page.$eval(`${selector} .tool-output`, (output) => output.textContent)).toContain(
      readFile?.output.split("\n")[0],
    );

    const bars = await page.$$eval(".tokens .bar", (elements) =>
      elements.map((bar) => ({
        kind: bar.getAttribute("data-kind"),
        tokens: Number(bar.getAttribute("data-tokens")),
        width: bar.getBoundingClientRect().width,
      })),
    );
    expect(bars).toHaveLength(requests * 4);
    expect(new Set(bars.map((bar) => bar.kind))).toEqual(
      new Set(["input", "cache_read", "cache_write", "output"]),
    );
    const widest = Math.max(...bars.map((bar) => bar.width));
    expect(widest).toBeGreaterThan(100);
    for (const bar of bars) expect(bar.width > 0).toBe(bar.tokens > 0);
    await mkdir(screenshots, { recursive: true });
    await page.screenshot({ path: join(screenshots, "trace-s04.png") });
  });

  it("hangs the subagent's turns as a branch inside the agent tool call that started it", async () => {
    const agentCall = records.find(
      (record): record is TraceToolRecord => record.type === "tool" && record.name === "agent",
    );
    const branchSeqs = await page.$$eval(
      `[id="s1-tool-${agentCall?.id}"] > .branch[data-parent="${agentCall?.id}"] section.turn`,
      (turns) => turns.map((turn) => Number(turn.getAttribute("data-seq"))),
    );
    const subagentTools = records.filter(
      (record) => record.type === "tool" && record.parentToolUseId === agentCall?.id,
    );
    expect(branchSeqs.length).toBeGreaterThan(1);
    expect(subagentTools.length).toBeGreaterThan(0);
    for (const subagentTool of subagentTools) {
      expect(
        await page.$(
          `.branch[data-parent="${agentCall?.id}"] [id="s1-tool-${(subagentTool as TraceToolRecord).id}"]`,
        ),
      ).not.toBeNull();
    }
  });

  it("moves between turns with j/k and the arrows, folds with Enter and space, shows the keys with ?", async () => {
    const tab = await openPage("keys", records);
    const focused = () => tab.evaluate(() => document.activeElement?.getAttribute("data-seq") ?? null);
    const order = await tab.$$eval("section.turn", (turns) =>
      turns.map((turn) => turn.getAttribute("data-seq")),
    );
    await tab.keyboard.press("j");
    expect(await focused()).toBe(order[0]);
    await tab.keyboard.press("j");
    expect(await focused()).toBe(order[1]);
    await tab.keyboard.press("ArrowDown");
    expect(await focused()).toBe(order[2]);
    await tab.keyboard.press("k");
    await tab.keyboard.press("ArrowUp");
    expect(await focused()).toBe(order[0]);

    const bodyShown = () =>
      tab.$eval("section.turn", (turn) => turn.querySelector(".turn-body")?.checkVisibility() ?? false);
    expect(await bodyShown()).toBe(true);
    await tab.keyboard.press("Enter");
    expect(await bodyShown()).toBe(false);
    await tab.keyboard.press(" ");
    expect(await bodyShown()).toBe(true);

    const keysShown = () => tab.$eval("#keys", (keys) => keys.checkVisibility());
    expect(await keysShown()).toBe(false);
    await tab.keyboard.type("?");
    expect(await keysShown()).toBe(true);
    await tab.keyboard.press("Escape");
    expect(await keysShown()).toBe(false);
    await tab.close();
  });

  it("prints everything unfolded, folded turns and closed details included", async () => {
    const tab = await openPage("print", records);
    const systemShown = () => tab.$eval("details.system pre", (pre) => pre.checkVisibility());
    await tab.keyboard.press("j");
    await tab.keyboard.press("Enter");
    expect(await systemShown()).toBe(false);
    await tab.emulateMediaType("print");
    expect(await systemShown()).toBe(true);
    expect(await tab.$eval("section.turn.folded .turn-body", (body) => body.checkVisibility())).toBe(true);
    expect(await tab.$eval("#keys", (keys) => getComputedStyle(keys).display)).toBe("none");
    // Print from the browser's menu: every closed <details> opens for the print and closes after it.
    const closedDetails = () => tab.$$eval("details:not([open])", (details) => details.length);
    expect(await closedDetails()).toBeGreaterThan(0);
    const before = await closedDetails();
    await tab.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
    expect(await closedDetails()).toBe(0);
    await tab.evaluate(() => window.dispatchEvent(new Event("afterprint")));
    expect(await closedDetails()).toBe(before);
    await tab.close();
  });

  it("runs nothing and adds no element from a trace full of markup", async () => {
    const evil = `</script><script>window.pwned=1</script><img src=x onerror="window.pwned=2"><b id="injected">x</b>`;
    const hostile = [
      start,
      request(1, [user(evil)], { system: evil }),
      response(1, [{ type: "text", text: evil }, call("t1", evil, { command: evil })], "tool_use"),
      event({ type: "notice", source: evil, text: evil }),
      tool("t1", evil, { name: evil }),
    ];
    const tab = await openPage("hostile", hostile);
    expect(await tab.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await tab.$$("#injected, img, main script")).toHaveLength(0);
    expect(await tab.$eval(".tool-output", (output) => output.textContent)).toContain(evil);
    expect(await tab.$eval("#trace-data", (data) => JSON.parse(data.textContent ?? "").title)).toBe(
      "hostile",
    );
    await tab.close();
  });
});
