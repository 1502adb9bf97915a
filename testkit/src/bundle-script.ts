// Test helper: bundles a TypeScript script and everything it imports into one ESM file with esbuild, once per
// script per test process, so a test that starts it many times pays ~0.2 s of CPU per start, not ~1.7 s (tsx
// resolving and compiling each module again). Sources keep their own import.meta, as in lcc's test bundle.
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { isProcessAlive } from "./process-alive.ts";

const repositoryDir = fileURLToPath(new URL("../..", import.meta.url));
/** Inside the repository (gitignored), so a bundled CommonJS dependency's require() still finds node_modules. */
const bundlesDir = join(repositoryDir, "test-output", "script-bundles");
const built = new Map<string, Promise<string>>();
/** `import.meta`, spelled so that no build step that rewrites it in sources (lcc's does) rewrites these strings. */
const META = ["import", "meta"].join(".");

interface EsbuildPlugin {
  name: string;
  setup(builder: {
    onLoad(
      options: { filter: RegExp },
      callback: (args: { path: string }) => { contents: string; loader: "ts" } | undefined,
    ): void;
  }): void;
}
interface Esbuild {
  build(options: Record<string, unknown> & { plugins: EsbuildPlugin[] }): Promise<unknown>;
}

/**
 * The path of an ESM bundle of `script` (absolute path of a .ts file) to run with plain `node <bundle> …args`.
 * Built on the first call for `script` in this process and reused; removed when the process exits. Each
 * bundled source sees its own `import.meta.url`, `import.meta.dirname` and `import.meta.filename` (so a script
 * that compares its import.meta.filename with process.argv[1] to decide it is the main module never is). Rejects
 * with esbuild's message when the script does not build.
 */
export function bundleScript(script: string): Promise<string> {
  let bundle = built.get(script);
  if (bundle === undefined) {
    bundle = buildBundle(script);
    built.set(script, bundle);
  }
  return bundle;
}

/**
 * Starts `node <bundle of script> …args` (see {@link bundleScript}) with piped stdio, in `cwd` (default: the
 * script's folder) and with `env` (default: this process's): ONE process, so a signal sent to it reaches the
 * script itself. The caller kills it.
 */
export async function spawnBundledScript(
  script: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<ChildProcessWithoutNullStreams> {
  const bundle = await bundleScript(script);
  return spawn(process.execPath, [bundle, ...args], {
    cwd: options.cwd ?? dirname(script),
    stdio: "pipe",
    ...(options.env === undefined ? {} : { env: options.env }),
  });
}

async function buildBundle(script: string): Promise<string> {
  // esbuild is lcc's build tool (full/package.json); vitest's global setup builds lcc with it too.
  const require = createRequire(join(repositoryDir, "full", "package.json"));
  const esbuild = (await import(pathToFileURL(require.resolve("esbuild")).href)) as Esbuild;
  mkdirSync(bundlesDir, { recursive: true });
  removeBundlesOfEndedProcesses();
  const outfile = join(bundlesDir, `${basename(script, ".ts")}-${process.pid}-${built.size}.mjs`);
  process.once("exit", () => rmSync(outfile, { force: true }));
  await esbuild.build({
    entryPoints: [script],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "error",
    plugins: [keepOwnImportMeta],
    // Bundled CommonJS dependencies may call require(); give the ESM bundle one.
    banner: {
      js: `import { createRequire as __bundleCreateRequire } from 'node:module'; const require = __bundleCreateRequire(${META}.url);`,
    },
  });
  return outfile;
}

/** A test process killed before its exit handler ran leaves its bundles: the next build removes them. */
function removeBundlesOfEndedProcesses(): void {
  for (const name of readdirSync(bundlesDir)) {
    const pid = Number(/-(\d+)-\d+\.mjs$/.exec(name)?.[1]);
    if (Number.isInteger(pid) && pid > 0 && !isProcessAlive(pid))
      rmSync(join(bundlesDir, name), { force: true });
  }
}

/** Each repository source keeps the import.meta of its own file, not of the bundle. */
const keepOwnImportMeta: EsbuildPlugin = {
  name: "keep-own-import-meta",
  setup(builder) {
    builder.onLoad({ filter: /\.ts$/ }, (args) => {
      if (args.path.includes("/node_modules/")) return undefined;
      const contents = readFileSync(args.path, "utf8")
        .replaceAll(`${META}.url`, `(${JSON.stringify(pathToFileURL(args.path).href)})`)
        .replaceAll(`${META}.dirname`, `(${JSON.stringify(dirname(args.path))})`)
        .replaceAll(`${META}.filename`, `(${JSON.stringify(args.path)})`);
      return { contents, loader: "ts" };
    });
  },
};
