// The default team transport: files under `<lcc home>/team/` — a JSONL file per stream appended under a
// per-stream lock, a cursor file per consumer, and kv.json for keys. Needs nothing but one machine's disk.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { readConfigFile, withOwnerLock } from "@lcc/chapter-kit";
import { writeFileAtomic } from "@lcc/s02";
import { createFileKeyStore } from "./file-key-store.ts";
import { appendStreamEntry, parseFileId, readStreamEntries } from "./stream-file.ts";
import {
  createPrivateFolder,
  prepareTeamFolder,
  refuseSymbolicLink,
  teamFolderPaths,
} from "./team-folder.ts";
import {
  checkConsumerName,
  checkKey,
  checkKeyPrefix,
  checkStreamName,
  readLimit,
  serializeMessage,
  type TeamTransport,
  TeamTransportError,
} from "./team-transport.ts";

export interface FileTransportOptions {
  workspace: string;
  env?: NodeJS.ProcessEnv;
  /** How long an append, acknowledge or compare-and-set waits for another process's lock (default 60 s). */
  lockWaitMs?: number;
}

/**
 * Opens the file transport of `workspace`. Nothing is created until the first write: `<lcc home>/team/`
 * (0700) is made then, so a session that never uses a team leaves no trace and starts no git for it; until
 * then reads see an empty team. Every read or write of an existing folder first refuses one that leads
 * through a symbolic link (TeamTransportError). Appends and acknowledgements made through one transport
 * happen in call order, even when the caller does not await each one.
 */
export async function openFileTransport(options: FileTransportOptions): Promise<TeamTransport> {
  const env = options.env ?? {};
  const folder = teamFolderPaths(options.workspace, env);
  let prepared: Promise<unknown> | undefined;
  const ready = () => (prepared ??= prepareTeamFolder(options.workspace, env));
  /** False while no team folder exists (an empty team); else checked like a write's. */
  const readable = async () => {
    if (prepared) return prepared.then(() => true);
    if (!existsSync(folder.root)) return false;
    await ready();
    return true;
  };
  const lockWaitMs = options.lockWaitMs ?? 60_000;
  const keys = createFileKeyStore(folder.keys, folder.keysLock, lockWaitMs);
  const inOrder = createCallOrder();
  const streamPath = (stream: string) => join(folder.streams, `${stream}.jsonl`);
  const cursorPath = (stream: string, consumer: string) => join(folder.cursors, stream, consumer);

  const readCursor = async (stream: string, consumer: string): Promise<string | undefined> => {
    const path = cursorPath(stream, consumer);
    await refuseSymbolicLink(join(folder.cursors, stream));
    await refuseSymbolicLink(path);
    const file = await readConfigFile(path, { maxBytes: 100 });
    if (!file.ok) {
      if (file.skip.kind === "missing") return undefined;
      throw new TeamTransportError(`cursor ${path} is ${file.reason}; left as it is`);
    }
    const id = file.text.trim();
    if (!/^\d{12}$/.test(id))
      throw new TeamTransportError(`cursor ${path} holds no stream id; left as it is`);
    return id;
  };

  return {
    kind: "file",
    append: async (stream, message) => {
      checkStreamName(stream);
      const json = serializeMessage(message);
      const path = streamPath(stream);
      await ready();
      return inOrder(path, () =>
        withOwnerLock(`${path}.lock`, () => appendStreamEntry(path, json), { waitMs: lockWaitMs }),
      );
    },
    read: async (stream, after, limit) => {
      checkStreamName(stream);
      const count = readLimit(limit);
      const afterSequence = after === undefined ? 0 : parseFileId(after);
      if (!(await readable())) return [];
      return readStreamEntries(streamPath(stream), afterSequence, count);
    },
    cursor: async (stream, consumer) => {
      checkStreamName(stream);
      checkConsumerName(consumer);
      if (!(await readable())) return undefined;
      return readCursor(stream, consumer);
    },
    acknowledge: async (stream, consumer, id) => {
      checkStreamName(stream);
      checkConsumerName(consumer);
      const sequence = parseFileId(id);
      const path = cursorPath(stream, consumer);
      await ready();
      return inOrder(path, async () => {
        await refuseSymbolicLink(join(folder.cursors, stream));
        await createPrivateFolder(join(folder.cursors, stream));
        await withOwnerLock(
          `${path}.lock`,
          async () => {
            const current = await readCursor(stream, consumer);
            if (current !== undefined && parseFileId(current) >= sequence) return;
            await refuseSymbolicLink(path);
            await writeFileAtomic(path, `${id}\n`, { mode: 0o600 });
          },
          { waitMs: lockWaitMs },
        );
      });
    },
    compareAndSet: async (key, expected, next) => {
      checkKey(key);
      await ready();
      return keys.compareAndSet(key, expected, next);
    },
    get: async (key) => {
      checkKey(key);
      if (!(await readable())) return undefined;
      return keys.get(key);
    },
    list: async (prefix) => {
      checkKeyPrefix(prefix);
      if (!(await readable())) return {};
      return keys.list(prefix);
    },
    close: async () => {},
  };
}

/** Runs work given for the same name one after another, in call order; a failure does not stop the next. */
function createCallOrder(): <Result>(name: string, work: () => Promise<Result>) => Promise<Result> {
  const tails = new Map<string, Promise<unknown>>();
  return (name, work) => {
    const previous = tails.get(name) ?? Promise.resolve();
    const result = previous.then(work, work);
    const tail = result.catch(() => undefined);
    tails.set(name, tail);
    void tail.then(() => {
      if (tails.get(name) === tail) tails.delete(name);
    });
    return result;
  };
}
