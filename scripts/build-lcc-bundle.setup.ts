// Vitest global setup: builds lcc's bundle (full/dist) from the current sources once, before any test
// file runs, so tests that start `lcc` run the bundle (a third of the start-up time of the sources through
// tsx) and never a stale one. A failed build fails the run with esbuild's message.
import { fileURLToPath } from "node:url";

export default async function setup(): Promise<void> {
  const script = new URL("../full/scripts/build.mjs", import.meta.url);
  const { buildBundle } = (await import(script.href)) as {
    buildBundle(outdir?: string): Promise<string>;
  };
  await buildBundle(fileURLToPath(new URL("../full/dist", import.meta.url)));
}
