#!/usr/bin/env node
// The `lcc` launcher: runs the esbuild bundle (dist/lcc.mjs) when it exists and is newer than every
// source it was built from, otherwise the TypeScript sources through tsx (slower start, always current).
import { readFileSync, statSync } from "node:fs";

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

const useBundle = isBundleFresh();
if (process.env.LCC_DEBUG)
  process.stderr.write(`lcc: running ${useBundle ? "the bundle" : "the sources with tsx"}\n`);
if (useBundle) {
  await import(bundle.href);
} else {
  if (!process.env.LCC_NO_BUNDLE && statSync(bundle, { throwIfNoEntry: false }) && process.stderr.isTTY) {
    process.stderr.write(
      "lcc: dist/lcc.mjs is older than the sources; running them with tsx (run `pnpm --filter @lcc/full build`).\n",
    );
  }
  const { register } = await import("tsx/esm/api");
  register();
  await import(new URL("../src/cli.ts", import.meta.url).href);
}
