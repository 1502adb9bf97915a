#!/usr/bin/env -S node --max-semi-space-size=1 --heap-growing-percent=50
// The `lcc` launcher: runs the esbuild bundle (dist/lcc.mjs) when it exists and is newer than every
// source it was built from; otherwise rebuilds it (about a second, once) when the build script is here,
// and falls back to the TypeScript sources through tsx (slower start, always current). An installed
// package (`pnpm release:pack`) carries the bundle alone, so there it always runs the bundle.
// The node flags keep a long session's memory flat: a 1 MB young generation, and an old generation that
// grows by half (not by up to 4×, V8's default) before its next full GC, so each turn's garbage (its request
// body, built anew every turn) is collected before it piles up (RSS over 1,000 turns: 95 → 126 MB without).
import { existsSync, readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

const bundle = new URL("../dist/lcc.mjs", import.meta.url);
const inputs = new URL("../dist/inputs.json", import.meta.url);

/** The bundle is usable when every recorded source still exists and is not newer than it. */
function isBundleFresh() {
  if (process.env.LCC_NO_BUNDLE) return false;
  const built = statSync(bundle, { throwIfNoEntry: false });
  if (!built) return false;
  let sources;
  try {
    sources = JSON.parse(readFileSync(inputs, "utf8"));
  } catch {
    return false;
  }
  return sources.every((path) => {
    const source = statSync(path, { throwIfNoEntry: false });
    return source !== undefined && source.mtimeMs <= built.mtimeMs;
  });
}

/** Rebuilds a missing or stale bundle with scripts/build.mjs; false when that is not possible here. */
async function rebuild() {
  const script = new URL("../scripts/build.mjs", import.meta.url);
  if (process.env.LCC_NO_BUNDLE || !existsSync(script)) return false;
  try {
    if (process.stderr.isTTY)
      process.stderr.write("lcc: building dist/lcc.mjs (first run, or the sources changed)…\n");
    const { buildBundle } = await import(script.href);
    await buildBundle(fileURLToPath(new URL("../dist", import.meta.url)));
    return isBundleFresh();
  } catch (error) {
    if (process.env.LCC_DEBUG) process.stderr.write(`lcc: rebuild failed: ${error}\n`);
    return false;
  }
}

/** No sources beside the launcher: an installed package, with nothing to compare its bundle with or fall back to. */
const isInstalled = !existsSync(new URL("../src/cli/cli.ts", import.meta.url));
const useBundle = isInstalled || isBundleFresh() || (await rebuild());
if (process.env.LCC_DEBUG)
  process.stderr.write(`lcc: running ${useBundle ? "the bundle" : "the sources with tsx"}\n`);
if (useBundle) {
  await import(bundle.href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import(new URL("../src/cli/cli.ts", import.meta.url).href);
}
