// The file backend's keys: `kv.json` (0600), read without trusting it (bounded, no symbolic link, a corrupt
// file reported with its path and left as it is), changed only under `kv.lock`, written atomically.
import { readConfigFile, withOwnerLock } from "@lcc/chapter-kit";
import { writeFileAtomic } from "@lcc/s02";
import { z } from "zod";
import { refuseSymbolicLink } from "./team-folder.ts";
import { TeamTransportError } from "./team-transport.ts";

/** The largest kv.json read or written: a roster and claims stay far below it. */
export const MAX_KEY_FILE_BYTES = 4 * 1024 * 1024;
const keyFileSchema = z.object({ version: z.literal(1), values: z.record(z.string(), z.string()) });

export interface FileKeyStore {
  get(key: string): Promise<string | undefined>;
  list(prefix: string): Promise<Record<string, string>>;
  compareAndSet(key: string, expected: string | undefined, next: string | undefined): Promise<boolean>;
}

/** Keys in the file `path`, changed under the lock file `lockPath`. Names are checked by the caller. */
export function createFileKeyStore(path: string, lockPath: string, lockWaitMs: number): FileKeyStore {
  const load = async (): Promise<Map<string, string>> => {
    await refuseSymbolicLink(path);
    const file = await readConfigFile(path, { maxBytes: MAX_KEY_FILE_BYTES });
    if (!file.ok) {
      if (file.skip.kind === "missing") return new Map();
      throw new TeamTransportError(`${path} is ${file.reason}; left as it is`);
    }
    let json: unknown;
    try {
      json = JSON.parse(file.text);
    } catch (error) {
      throw corrupt(path, error instanceof Error ? error.message : String(error));
    }
    const parsed = keyFileSchema.safeParse(json);
    if (!parsed.success) throw corrupt(path, z.prettifyError(parsed.error).replaceAll("\n", " "));
    return new Map(Object.entries(parsed.data.values));
  };

  return {
    get: async (key) => (await load()).get(key),
    list: async (prefix) => {
      const found: Record<string, string> = {};
      for (const [key, value] of [...(await load())].sort(([left], [right]) => (left < right ? -1 : 1)))
        if (key.startsWith(prefix)) found[key] = value;
      return found;
    },
    compareAndSet: (key, expected, next) =>
      withOwnerLock(
        lockPath,
        async () => {
          const values = await load();
          if (values.get(key) !== expected) return false;
          if (next === undefined) values.delete(key);
          else values.set(key, next);
          const text = `${JSON.stringify({ version: 1, values: Object.fromEntries(values) }, null, 2)}\n`;
          if (Buffer.byteLength(text) > MAX_KEY_FILE_BYTES)
            throw new TeamTransportError(`${path} would grow past ${MAX_KEY_FILE_BYTES} bytes; not written`);
          await refuseSymbolicLink(path);
          await writeFileAtomic(path, text, { mode: 0o600 });
          return true;
        },
        { waitMs: lockWaitMs },
      ),
  };
}

function corrupt(path: string, reason: string): TeamTransportError {
  return new TeamTransportError(`${path} is not a valid team key file (${reason}); left as it is`);
}
