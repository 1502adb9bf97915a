// `pnpm release:pack`: one installable tarball of lcc, lcc-<version>.tgz (at the repository root, or in
// `--out <dir>`): the launcher and the release bundle laid out as in the checkout, and a package.json whose
// `bin` is lcc and which has no dependencies, so `npm install -g ./lcc-<version>.tgz` works offline.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildBundle, describeCommit } from "./build.mjs";

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const repositoryDir = resolve(packageDir, "..");

const readJson = (path) => JSON.parse(readFileSync(path, "utf8"));

/**
 * The package's manifest: name `lcc`, full's version and description, the repository's Node range. No
 * `dependencies`: the bundle carries every chapter and library (nothing for npm to fetch). `private`, so it
 * is installed from the tarball, never published by mistake.
 */
function releaseManifest() {
  const full = readJson(join(packageDir, "package.json"));
  const repository = readJson(join(repositoryDir, "package.json"));
  return {
    name: "lcc",
    version: full.version,
    description: full.description,
    private: true,
    type: "module",
    bin: { lcc: "full/bin/lcc.mjs" },
    engines: repository.engines,
  };
}

/** The environment for npm: pnpm's `npm_*` settings left out (npm would warn about each one it does not know). */
function npmEnvironment(env = process.env) {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.toLowerCase().startsWith("npm_")));
}

/**
 * Builds the release bundle into a staging package and packs it with `npm pack` into `outDir`. Resolves with
 * the tarball's path, its size and unpacked size in bytes, its file count and the commit. Throws when the
 * build or npm fails. The staging folder is removed either way.
 */
export async function packLcc({ outDir = repositoryDir } = {}) {
  const stage = mkdtempSync(join(tmpdir(), "lcc-pack-"));
  try {
    mkdirSync(join(stage, "full", "bin"), { recursive: true });
    copyFileSync(join(packageDir, "bin", "lcc.mjs"), join(stage, "full", "bin", "lcc.mjs"));
    const commit = describeCommit() ?? "unknown";
    const built = await buildBundle(join(stage, "full", "dist"), { release: true, commit });
    writeFileSync(join(stage, "package.json"), `${JSON.stringify(releaseManifest(), null, 2)}\n`);
    mkdirSync(outDir, { recursive: true });
    const output = execFileSync(
      "npm",
      ["pack", "--json", "--ignore-scripts", "--pack-destination", resolve(outDir)],
      { cwd: stage, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: npmEnvironment() },
    );
    const [packed] = JSON.parse(output);
    return {
      built,
      tarball: join(resolve(outDir), packed.filename),
      bytes: packed.size,
      unpackedBytes: packed.unpackedSize,
      files: packed.entryCount,
      commit,
    };
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

const megabytes = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outIndex = process.argv.indexOf("--out");
  const outDir = outIndex > 0 ? resolve(process.argv[outIndex + 1] ?? ".") : repositoryDir;
  let packed;
  try {
    packed = await packLcc({ outDir });
  } catch (error) {
    // esbuild has printed its errors already; npm's are in its output.
    const detail = error.stderr?.trim() || error.message.split("\n")[0];
    console.error(`lcc pack failed: ${detail}`);
    process.exit(1);
  }
  const fromHere = relative(process.cwd(), packed.tarball);
  const shown = fromHere.startsWith("..") ? packed.tarball : `./${fromHere}`;
  console.log(packed.built.replace(/^built \S+/, "built the release bundle"));
  console.log(
    `packed ${packed.tarball} (${megabytes(packed.bytes)}, ${megabytes(packed.unpackedBytes)} unpacked, ` +
      `${packed.files} files, commit ${packed.commit})`,
  );
  console.log(`put lcc on the PATH: npm install -g ${shown}`);
  console.log("remove it:          npm uninstall -g lcc");
}
