// `pnpm --filter @lcc/full build`: bundles src/cli/cli.ts into dist/lcc.mjs with esbuild, and records the
// repository sources it was built from and the lockfile (dist/inputs.json), so the launcher can tell
// when it is stale. The launcher imports `buildBundle` to rebuild a stale bundle itself.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** Sources keep their own `import.meta.url` (chapters locate files relative to themselves). */
const keepImportMetaUrl = {
  name: "keep-import-meta-url",
  setup(builder) {
    builder.onLoad({ filter: /\.ts$/ }, (args) => {
      if (args.path.includes(`${"/"}node_modules${"/"}`)) return undefined;
      const source = readFileSync(args.path, "utf8");
      const contents = source.replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href));
      return { contents, loader: "ts" };
    });
  },
};

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

/** Bundles into `outdir` (built beside it, then swapped in) and returns a one-line report. */
export async function buildBundle(outdir = join(packageDir, "dist")) {
  const staging = `${outdir}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  const result = await build({
    entryPoints: [join(packageDir, "src", "cli", "cli.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    minify: true,
    splitting: true,
    outdir: staging,
    entryNames: "lcc",
    outExtension: { ".js": ".mjs" },
    chunkNames: "chunks/[name]-[hash]",
    legalComments: "none",
    metafile: true,
    logLevel: "warning",
    logOverride: { "ignored-bare-import": "silent" },
    plugins: [workspaceModulesArePure, keepImportMetaUrl, englishZodOnly],
    // Bundled CommonJS dependencies may call require(); give the ESM bundle one.
    banner: {
      js: "import { createRequire as __lccCreateRequire } from 'node:module'; const require = __lccCreateRequire(import.meta.url);",
    },
  });

  const sources = Object.keys(result.metafile.inputs)
    .map((input) => (isAbsolute(input) ? input : resolve(process.cwd(), input)))
    .filter((path) => !path.includes("/node_modules/"));
  // Dependencies are bundled too but not recorded one by one: an install that changes them rewrites the lockfile.
  const lockfile = resolve(packageDir, "..", "pnpm-lock.yaml");
  if (existsSync(lockfile)) sources.push(lockfile);
  mkdirSync(staging, { recursive: true });
  writeFileSync(join(staging, "inputs.json"), `${JSON.stringify(sources, null, 1)}\n`);
  const outputs = Object.values(result.metafile.outputs);
  const kilobytes = Math.round(outputs.reduce((sum, output) => sum + output.bytes, 0) / 1024);
  // Swap the finished build in at once, so a concurrent launcher never sees half a bundle.
  rmSync(outdir, { recursive: true, force: true });
  renameSync(staging, outdir);
  return `built ${join(outdir, "lcc.mjs")} (+${outputs.length - 1} chunks, ${kilobytes} KB from ${Object.keys(result.metafile.inputs).length} modules)`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(await buildBundle(process.argv[2] ? resolve(process.argv[2]) : undefined));
}
