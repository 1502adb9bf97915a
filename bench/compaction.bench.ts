// `pnpm bench compaction`: a 200-round scripted coding session through the s06 agent against the testkit
// fake API (simulated prompt caching), once per compaction variant: context peak, compactions, cache share.
import { Writable } from "node:stream";
import { createModelClient, DEFAULT_MODEL } from "@lcc/chapter-kit";
import { type CompactOptions, createS06Chapter, isSummaryRequest, resolveCompactOptions } from "@lcc/s06";
import {
  createTempWorkspace,
  type FakeUsage,
  pairingProblems,
  type RecordedRequest,
  reply,
  startFakeApi,
  text,
} from "@lcc/testkit";
import {
  benchSummary,
  type CodingSession,
  createCodingSession,
  SESSION_ROUNDS,
} from "./compaction-session.ts";
import type { BenchReport, BenchRow } from "./run.ts";

interface Variant {
  name: string;
  options: Partial<CompactOptions>;
}

interface Outcome {
  variant: Variant;
  peakTokens: number;
  compactions: number;
  microBatches: number;
  requests: number;
  cacheShare: number;
  /** Input billed in uncached-token equivalents: input + 1.25 × cache writes + 0.1 × cache reads. */
  inputCost: number;
  wallMs: number;
  problems: string[];
}

const DEFAULTS = resolveCompactOptions();
const AUTO = DEFAULTS.autoCompactTokens;
const VARIANTS: Variant[] = [
  { name: "no micro-compaction (auto only)", options: { microCompact: false } },
  { name: "micro every turn (naive)", options: { microCompactTokens: 0, microCompactMinSavedTokens: 0 } },
  {
    name: "micro from 50% of auto, batches ≥ 20k",
    options: { microCompactTokens: AUTO * 0.5, microCompactMinSavedTokens: 20_000 },
  },
  { name: "defaults: micro from 50% of auto, batches ≥ 40k", options: {} },
];
/** More points of the grid the defaults were chosen from: `BENCH_COMPACTION_GRID=1 pnpm bench compaction`. */
const GRID: Variant[] = [
  {
    name: "micro from 25% of auto, batches ≥ 10k",
    options: { microCompactTokens: AUTO * 0.25, microCompactMinSavedTokens: 10_000 },
  },
  {
    name: "micro from 50% of auto, batches ≥ 10k",
    options: { microCompactTokens: AUTO * 0.5, microCompactMinSavedTokens: 10_000 },
  },
  {
    name: "micro from 75% of auto, batches ≥ 20k",
    options: { microCompactTokens: AUTO * 0.75, microCompactMinSavedTokens: 20_000 },
  },
  {
    name: "micro from 75% of auto, batches ≥ 40k",
    options: { microCompactTokens: AUTO * 0.75, microCompactMinSavedTokens: 40_000 },
  },
];

const total = (usage: FakeUsage) =>
  usage.input_tokens + usage.cache_read_input_tokens + usage.cache_creation_input_tokens;

async function runVariant(variant: Variant, session: CodingSession): Promise<Outcome> {
  const workspace = await createTempWorkspace({ files: session.files });
  let position = 0;
  let summaries = 0;
  const fake = await startFakeApi({
    chunkSize: 512,
    script: (request) => {
      if (isSummaryRequest(request.body)) return reply(text(benchSummary(++summaries)));
      return session.steps[position++] ?? reply(text("(script exhausted)"));
    },
  });
  const started = performance.now();
  try {
    const config = { apiKey: "bench", baseURL: fake.baseURL, model: DEFAULT_MODEL, maxTokens: 8192 };
    const output = new Writable({ write: (_chunk, _encoding, done) => done() });
    const counter = createCompactionCounter();
    const agent = await createS06Chapter(variant.options).createAgent({
      client: createModelClient(config, { maxRetries: 0 }),
      config,
      workspace: workspace.dir,
      output,
      observe: counter.observe,
    });
    for (const prompt of session.prompts) await agent.handleLine(prompt, new AbortController().signal);
    const requests = fake.messageRequests();
    return {
      variant,
      ...usageFigures(requests),
      compactions: counter.counts.compactions,
      microBatches: counter.counts.microBatches,
      requests: requests.length,
      wallMs: performance.now() - started,
      problems: [
        ...(position < SESSION_ROUNDS ? [`only ${position} of ${SESSION_ROUNDS} rounds ran`] : []),
        ...requests.flatMap((request) =>
          pairingProblems(request.body.messages).map((problem) => `request ${request.index}: ${problem}`),
        ),
      ],
    };
  } finally {
    await fake.close();
    await workspace.cleanup();
  }
}

/** Counts the full and micro compactions s06 reports (its compaction_end events) on the chapter's event stream. */
function createCompactionCounter() {
  const counts = { compactions: 0, microBatches: 0 };
  return {
    counts,
    observe(event: { readonly type: string; readonly kind?: unknown; readonly ok?: unknown }) {
      if (event.type !== "compaction_end" || event.ok !== true) return;
      if (event.kind === "full") counts.compactions += 1;
      if (event.kind === "micro") counts.microBatches += 1;
    },
  };
}

function usageFigures(requests: readonly RecordedRequest[]) {
  let peakTokens = 0;
  let read = 0;
  let all = 0;
  let inputCost = 0;
  for (const { usage } of requests) {
    if (!usage) continue;
    peakTokens = Math.max(peakTokens, total(usage));
    read += usage.cache_read_input_tokens;
    all += total(usage);
    inputCost +=
      usage.input_tokens + 1.25 * usage.cache_creation_input_tokens + 0.1 * usage.cache_read_input_tokens;
  }
  return { peakTokens, cacheShare: all === 0 ? 0 : read / all, inputCost };
}

const thousands = (value: number) => Math.round(value).toLocaleString("en-US");

function rowsOf(outcome: Outcome): BenchRow[] {
  const name = outcome.variant.name;
  return [
    {
      figure: `${name}: peak context tokens`,
      value: thousands(outcome.peakTokens),
      target: `auto-compaction at ${thousands(AUTO)}`,
    },
    {
      figure: `${name}: compactions (full / micro)`,
      value: `${outcome.compactions} / ${outcome.microBatches}`,
    },
    { figure: `${name}: requests`, value: String(outcome.requests) },
    {
      figure: `${name}: input tokens read from cache`,
      value: `${(outcome.cacheShare * 100).toFixed(1)} %`,
      target: "≥ 90 %",
    },
    { figure: `${name}: input cost (uncached-token equivalents)`, value: thousands(outcome.inputCost) },
  ];
}

export default async function compactionBench(): Promise<BenchReport> {
  const session = createCodingSession();
  const outcomes: Outcome[] = [];
  const variants = process.env.BENCH_COMPACTION_GRID === "1" ? [...VARIANTS, ...GRID] : VARIANTS;
  for (const variant of variants) outcomes.push(await runVariant(variant, session));
  const problems = outcomes.flatMap((outcome) =>
    outcome.problems.map((problem) => `${outcome.variant.name}: ${problem}`),
  );
  const seconds = outcomes.reduce((sum, outcome) => sum + outcome.wallMs, 0) / 1000;
  return {
    title: `compaction: ${SESSION_ROUNDS}-round coding session, s06 agent, 200,000-token window (${seconds.toFixed(1)} s)`,
    rows: outcomes.flatMap(rowsOf),
    notes: [
      `Defaults: micro-compaction above ${thousands(DEFAULTS.microCompactTokens)} reported tokens, in batches freeing ≥ ${thousands(DEFAULTS.microCompactMinSavedTokens)} tokens; auto-compaction above ${thousands(AUTO)}.`,
      "Input cost weighs uncached input 1, cache writes 1.25 and cache reads 0.1 (Anthropic's pricing ratios).",
      ...(problems.length > 0
        ? ["PROBLEMS:", ...problems.slice(0, 20)]
        : ["Pairing invariant held on every request of every variant."]),
    ],
  };
}
