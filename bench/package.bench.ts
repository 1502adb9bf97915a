// `pnpm bench package`: the size of lcc's installable package (`pnpm release:pack`), packed and installed with
// `npm install -g --prefix <temp> --offline`, and how fast the installed `lcc --version` answers.
import { spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { installedLccEnvironment, packAndInstall } from "../full/scripts/pack-and-install.ts";
import { check, median } from "./full-figures.ts";
import type { BenchReport } from "./run.ts";

const VERSION_RUNS = 5;
const INSTALLED_MB_MAX = 5;

const megabytes = (bytes: number) => bytes / 1024 / 1024;

/** Wall time of one `lcc --version` of the installed copy, in ms (NaN when it fails). */
function timeVersion(bin: string, home: string): number {
  const started = performance.now();
  const run = spawnSync(bin, ["--version"], { env: installedLccEnvironment(home), encoding: "utf8" });
  return run.status === 0 ? performance.now() - started : Number.NaN;
}

export default async function packageBench(): Promise<BenchReport> {
  const folder = await mkdtemp(join(tmpdir(), "lcc-bench-package-"));
  try {
    const installed = await packAndInstall(folder);
    const installedMb = megabytes(installed.installedBytes);
    const versionMs = median(Array.from({ length: VERSION_RUNS }, () => timeVersion(installed.bin, folder)));
    return {
      title: "package: lcc installed from `pnpm release:pack`",
      rows: [
        { figure: "tarball", value: `${megabytes(installed.tarballBytes).toFixed(2)} MB` },
        {
          figure: "installed size",
          value: `${installedMb.toFixed(2)} MB`,
          target: check(installedMb, INSTALLED_MB_MAX, `≤ ${INSTALLED_MB_MAX} MB`),
        },
        { figure: "installed `lcc --version` wall", value: `${versionMs.toFixed(0)} ms` },
      ],
      notes: [
        `Packed at commit ${installed.commit}; installed with npm, offline, from an empty cache (nothing to ` +
          `fetch). Installed size: every file under lib/node_modules/lcc (MB = 1024² bytes). --version: median ` +
          `of ${VERSION_RUNS} runs.`,
      ],
    };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
