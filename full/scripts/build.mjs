// `pnpm --filter @lcc/full build`: bundles src/cli/cli.ts into dist/lcc.mjs (and the demo's MCP server
// into dist/demo-mcp-server.mjs) with esbuild, and records the repository sources it was built from and
// the lockfile (dist/inputs.json), so the launcher can tell when it is stale. The launcher imports
// `buildBundle` to rebuild a stale bundle itself; scripts/pack.mjs builds the release flavour with it.
import { execFileSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const repositoryDir = resolve(packageDir, "..");

/**
 * Sources keep their own `import.meta.url` (chapters locate files relative to themselves). In the
 * checkout that is the source file's absolute URL. In a release the bundle runs from an installed
 * package that mirrors the repository's layout (bundle in full/dist/), so the URL is computed from the
 * output file's own URL: the place the source would have in the package, never a path of this machine.
 */
function keepImportMetaUrl(release) {
  const outputDir = join(packageDir, "dist");
  const sourceUrl = (path) =>
    release
      ? `new URL(${JSON.stringify(relative(outputDir, path).split(sep).join("/"))}, import.meta.url).href`
      : JSON.stringify(pathToFileURL(path).href);
  return {
    name: "keep-import-meta-url",
    setup(builder) {
      builder.onLoad({ filter: /\.ts$/ }, (args) => {
        if (args.path.includes(`${"/"}node_modules${"/"}`)) return undefined;
        const source = readFileSync(args.path, "utf8");
        return { contents: source.replaceAll("import.meta.url", `(${sourceUrl(args.path)})`), loader: "ts" };
      });
    },
  };
}

/**
 * The workspace packages are pure modules (no import-time side effects), but esbuild cannot know it
 * without a `sideEffects` field, so it would keep, say, the testkit's HTTP server in every start-up
 * path because a chapter's index re-exports it. Marking them lets unused modules drop out.
 */
const workspaceModulesArePure = {
  name: "workspace-modules-are-pure",
  setup(builder) {
    builder.onResolve({ filter: /^(\.|@lcc\/)/ }, async (args) => {
      if (args.pluginData?.pure || args.importer.includes("/node_modules/")) return undefined;
      const resolved = await builder.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: { pure: true },
      });
      if (resolved.errors.length > 0 || resolved.path.includes("/node_modules/")) return undefined;
      return { ...resolved, sideEffects: false };
    });
  },
};

/** zod re-exports ~50 error-message locales (~250 KB); nothing here switches locale, so keep English only. */
const englishZodOnly = {
  name: "english-zod-only",
  setup(builder) {
    builder.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, () => ({
      contents: 'export { default as en } from "./en.js";\n',
      loader: "js",
    }));
  },
};

/**
 * The checkout's commit, `-dirty` when tracked files have uncommitted changes; undefined without git.
 * Takes no optional lock (GIT_OPTIONAL_LOCKS=0), so a concurrent `git commit` never meets our index.lock.
 */
export function describeCommit(folder = repositoryDir) {
  const git = (args) =>
    execFileSync("git", args, {
      cwd: folder,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
      env: { ...process.env, GIT_OPTIONAL_LOCKS: "0" },
    }).trim();
  try {
    const commit = git(["rev-parse", "--short=12", "HEAD"]);
    return git(["status", "--porcelain", "--untracked-files=no"]) === "" ? commit : `${commit}-dirty`;
  } catch {
    return undefined;
  }
}

/**
 * Bundles into `outdir` (built beside it, then swapped in) and returns a one-line report. Every output
 * file sits directly in `outdir` (one relative path from any of them reaches the package root).
 * `release`: for the installed package (scripts/pack.mjs): `outdir` must be `<package>/full/dist`;
 * sources locate files inside the package, `commit` (default: the checkout's) is recorded for
 * `lcc --version`, and no inputs.json is written (an installed copy has no sources to compare with).
 */
export async function buildBundle(outdir = join(packageDir, "dist"), { release = false, commit } = {}) {
  const staging = `${outdir}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  const result = await build({
    entryPoints: {
      lcc: join(packageDir, "src", "cli", "cli.ts"),
      // Its own entry, so the demo starts it with plain node (no tsx at run time).
      "demo-mcp-server": join(packageDir, "src", "demo", "demo-mcp-server.ts"),
    },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    minify: true,
    splitting: true,
    outdir: staging,
    outExtension: { ".js": ".mjs" },
    chunkNames: "[name]-[hash]",
    legalComments: "none",
    metafile: true,
    logLevel: "warning",
    logOverride: { "ignored-bare-import": "silent" },
    plugins: [workspaceModulesArePure, keepImportMetaUrl(release), englishZodOnly],
    // LCC_BUNDLE_URL: the running bundle file's own URL (src/demo/demo-mcp-config.ts finds the server beside
    // it); LCC_BUILD_COMMIT: what src/cli/version.ts reports.
    define: {
      LCC_BUNDLE_URL: "__lccBundleUrl",
      ...(release ? { LCC_BUILD_COMMIT: JSON.stringify(commit ?? describeCommit() ?? "unknown") } : {}),
    },
    // Bundled CommonJS dependencies may call require(); give the ESM bundle one.
    banner: {
      js: "import { createRequire as __lccCreateRequire } from 'node:module'; const require = __lccCreateRequire(import.meta.url); const __lccBundleUrl = import.meta.url;",
    },
  });

  const sources = Object.keys(result.metafile.inputs)
    .map((input) => (isAbsolute(input) ? input : resolve(process.cwd(), input)))
    .filter((path) => !path.includes("/node_modules/"));
  // Dependencies are bundled too but not recorded one by one: an install that changes them rewrites the lockfile.
  const lockfile = resolve(packageDir, "..", "pnpm-lock.yaml");
  if (existsSync(lockfile)) sources.push(lockfile);
  mkdirSync(staging, { recursive: true });
  if (!release) writeFileSync(join(staging, "inputs.json"), `${JSON.stringify(sources, null, 1)}\n`);
  const outputs = Object.values(result.metafile.outputs);
  const kilobytes = Math.round(outputs.reduce((sum, output) => sum + output.bytes, 0) / 1024);
  moveBuildIn(staging, outdir);
  return `built ${join(outdir, "lcc.mjs")} (+${outputs.length - 1} more files, ${kilobytes} KB from ${Object.keys(result.metafile.inputs).length} modules)`;
}

/** Files the launcher and the demo name directly; every other output is a chunk with a content hash in its name. */
const ENTRY_FILES = new Set(["lcc.mjs", "demo-mcp-server.mjs", "inputs.json"]);
/** A chunk no build names any more is removed once it is this old (no lcc started before then still runs it). */
const STALE_CHUNK_MS = 24 * 60 * 60 * 1000;

/**
 * Moves a finished build from `staging` into `outdir` without a moment where it is missing or mixed: the
 * chunks first (content-hashed names, so they sit beside the previous build's), then each entry file by
 * an atomic rename. An lcc that started on the previous build still finds the chunks its entry imports
 * later (the TUI, the highlighter's grammars); chunks no build names are pruned after STALE_CHUNK_MS.
 */
function moveBuildIn(staging, outdir) {
  mkdirSync(outdir, { recursive: true });
  const built = readdirSync(staging);
  const ordered = [
    ...built.filter((name) => !ENTRY_FILES.has(name)),
    ...built.filter((name) => ENTRY_FILES.has(name)),
  ];
  for (const name of ordered) renameSync(join(staging, name), join(outdir, name));
  rmSync(staging, { recursive: true, force: true });
  const current = new Set(built);
  const now = Date.now();
  for (const name of readdirSync(outdir)) {
    if (current.has(name) || ENTRY_FILES.has(name)) continue;
    const path = join(outdir, name);
    const stats = statSync(path, { throwIfNoEntry: false });
    if (stats && now - stats.mtimeMs > STALE_CHUNK_MS) rmSync(path, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(await buildBundle(process.argv[2] ? resolve(process.argv[2]) : undefined));
}
