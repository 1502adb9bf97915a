// `pnpm bench teams`: the resident memory of lcc's whole process tree while one agent works, beside the same
// while 10 teammates sit idle and an 11th works (CURRICULUM §8, issue 15), against the testkit fake API.
import { requestsOf } from "../chapters/s15-agent-teams/src/team-script.ts";
import { type LccEntry, prepareLccEntry } from "./full-cli.ts";
import { check, median } from "./full-figures.ts";
import type { BenchReport, BenchRow } from "./run.ts";
import { idleNames, oneAgentScript, teamSessionScript, WORKER } from "./team-scripts.ts";
import { runTeamSession, type TeamSessionRun, type TreeSample, WORK_COMMAND } from "./team-session.ts";

const RUNS = 3;
const IDLE_TEAMMATES = 10;
/** How long the working agent's tool (`sleep`) runs; the tree is read every 100 ms meanwhile. */
const WORK_SECONDS = 4;
/** The issue's target: the tree with 10 idle teammates + 1 working at most this many times one agent's. */
const TEAM_RATIO = 1.6;

interface Variant {
  label: string;
  run: (lcc: LccEntry) => Promise<TeamSessionRun>;
  /** The teammates that must each have reached the model (empty for one agent). */
  teammates: string[];
  /** Per run: the median of its samples (tree, lcc alone), MB. */
  tree: number[];
  lcc: number[];
  problems: string[];
  /** One sample of the last run (to show which processes the tree held). */
  example?: TreeSample | undefined;
}

function variant(label: string, teammates: string[], run: Variant["run"]): Variant {
  return { label, run, teammates, tree: [], lcc: [], problems: [] };
}

/** What is wrong with a run: a bad exit, no sample, or a teammate that never reached the model. */
function runProblems(each: Variant, result: TeamSessionRun): string[] {
  const problems: string[] = [];
  if (result.code !== 0)
    problems.push(
      `${each.label} exited with ${result.code}: ${result.stderr.trim().split("\n").slice(-3).join(" | ")}`,
    );
  if (result.samples.length === 0) problems.push(`${each.label}: no sample while \`${WORK_COMMAND}\` ran`);
  const silent = each.teammates.filter((name) => requestsOf(result.requests, name).length === 0);
  if (silent.length > 0) problems.push(`${each.label}: never reached the model: ${silent.join(", ")}`);
  return problems;
}

/** "node 76.2 + sleep 0.9 MB": the processes of a sample with their VmRSS. */
function describeTree(sample: TreeSample | undefined): string {
  if (!sample) return "(no sample)";
  return `${sample.processes.map((process) => `${process.comm} ${process.rssMb.toFixed(1)}`).join(" + ")} MB`;
}

export default async function teamsBench(): Promise<BenchReport> {
  const lcc = prepareLccEntry();
  const one = variant("one agent working", [], (entry) =>
    runTeamSession(entry, "Run the long job.", oneAgentScript(WORK_SECONDS)),
  );
  const lone = variant("lead + 1 working teammate", [WORKER], (entry) =>
    runTeamSession(entry, "Start the team.", teamSessionScript(0, WORK_SECONDS)),
  );
  const names = [...idleNames(IDLE_TEAMMATES), WORKER];
  const team = variant(`${IDLE_TEAMMATES} idle + 1 working teammate`, names, (entry) =>
    runTeamSession(entry, "Start the team.", teamSessionScript(IDLE_TEAMMATES, WORK_SECONDS)),
  );
  const variants = [one, lone, team];
  for (let run = 0; run < RUNS; run++) {
    for (const each of variants) {
      const result = await each.run(lcc);
      each.problems.push(...runProblems(each, result));
      each.example = result.samples[Math.floor(result.samples.length / 2)];
      each.tree.push(median(result.samples.map((sample) => sample.treeMb)));
      each.lcc.push(median(result.samples.map((sample) => sample.lccMb)));
    }
  }
  const mb = (values: number[]) => `${median(values).toFixed(1)} MB`;
  const rows: BenchRow[] = variants.map((each) => ({
    figure: `${each.label}: Σ RSS of lcc's tree`,
    value: `${mb(each.tree)} (lcc alone ${mb(each.lcc)})`,
  }));
  const perIdle = (median(team.tree) - median(lone.tree)) / IDLE_TEAMMATES;
  rows.push({ figure: "each idle teammate adds", value: `${perIdle.toFixed(2)} MB` });
  const ratio = median(team.tree) / median(one.tree);
  rows.push({
    figure: `${IDLE_TEAMMATES} idle + 1 working ÷ one agent`,
    value: `${ratio.toFixed(2)}×`,
    target: check(ratio, TEAM_RATIO, `≤ ${TEAM_RATIO}× one agent`),
  });
  return {
    title: "teams: lcc's resident memory with idle teammates (CURRICULUM §8)",
    rows,
    notes: [
      `Measured: node ${lcc.description}. Shared 2-core machine: other work on it shows up as noise.`,
      `Each variant is one \`lcc -p\` session against the fake API, ${RUNS} runs each, interleaved. The agent ` +
        `that works runs bash \`${WORK_COMMAND} ${WORK_SECONDS}\`; while a \`${WORK_COMMAND}\` process is in lcc's ` +
        "tree, the tree is read every 100 ms: lcc and all its descendants (parents from /proc/<pid>/stat), each " +
        "one's VmRSS from /proc/<pid>/status, summed (pages shared between processes count once per process). " +
        "Value: median over runs of each run's median sample; \"lcc alone\" is the lcc process's own VmRSS.",
      "One agent: the model has bash sleep, then answers. Lead + 1: the lead's first reply spawns `worker` " +
        `(spawn_teammate), which runs the sleep. ${IDLE_TEAMMATES} idle + 1: the lead's first reply spawns ` +
        `mate1…mate${IDLE_TEAMMATES} (one spawn_teammate call each), each answers "mateN done." and goes idle ` +
        "(its report reaches the lead, s17's idle policy polls its inbox and the board); once every report is in " +
        "the lead's conversation the lead spawns `worker`. Replies are routed per agent by s15's teamScript " +
        "(the teammate's name in its system prompt); at the end each approves s16's shutdown request. " +
        "Every named teammate must have reached the model, or a Problem line says which did not.",
      `Teammates run inside lcc's process (s15's createTeam starts each one's loop in-process; no worker ` +
        `process), so the tree is lcc plus the tool's shell. Example tree, one sample per variant: ${variants
          .map((each) => `${each.label}: ${describeTree(each.example)}`)
          .join("; ")}.`,
      ...variants.flatMap((each) => each.problems.map((problem) => `Problem: ${problem}`)),
    ],
  };
}
