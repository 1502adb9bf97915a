// The two memory places together: user-wide (~/.lcc/memory: user, feedback) and this project's
// (<lcc home>/memory: project, reference). Save and forget by name across both; what this session changed.
import { isAbsolute, relative, resolve } from "node:path";
import { type MemoryRecord, type MemoryType, scopeOfType } from "./memory-file.ts";
import {
  createMemoryFolder,
  type MemoryFolder,
  type MemoryListing,
  type StoredMemory,
  type UnreadableMemoryFile,
} from "./memory-folder.ts";
import { newMemoryFileName } from "./memory-slug.ts";
import { findSecret } from "./secret-scan.ts";

export type MemoryScope = "project" | "user";

export interface MemoryPlace {
  scope: MemoryScope;
  folder: MemoryFolder;
}

export interface PlaceListing extends MemoryListing {
  place: MemoryPlace;
}

export type SaveOutcome =
  | { kind: "refused"; reason: string }
  | {
      kind: "saved";
      memory: StoredMemory;
      scope: MemoryScope;
      /** False when a memory with this exact name was updated. */
      created: boolean;
      /** The file it was moved from when its type now belongs to the other place. */
      movedFrom?: string;
      /** Unreadable files in the place written to (left as they are). */
      problems: UnreadableMemoryFile[];
    };

export interface ForgetOutcome {
  forgotten: StoredMemory[];
  /** Names of memories that differ only in case or spacing, when none matched exactly. */
  similar: string[];
  problems: UnreadableMemoryFile[];
}

/** What this session saved and forgot (re-injected after a compaction; /memory marks it). */
export interface SessionChanges {
  saved: ReadonlyMap<string, StoredMemory & { scope: MemoryScope }>;
  forgotten: ReadonlySet<string>;
}

export interface MemoryLibrary {
  /** The distinct places, project first (one when both folders are the same). */
  readonly places: readonly MemoryPlace[];
  placeOf(type: MemoryType): MemoryPlace;
  listAll(): Promise<PlaceListing[]>;
  /**
   * Creates the memory, or updates the one with exactly this name (moving it when its type now belongs
   * to the other place), under the places' locks, then regenerates the index. Refuses content that looks
   * like a secret. Throws on I/O failure (a lock held too long, a folder that cannot be written).
   */
  save(memory: MemoryRecord): Promise<SaveOutcome>;
  /** Deletes every memory named exactly `name` (in either place) and regenerates the indexes. */
  forget(name: string): Promise<ForgetOutcome>;
  changes(): SessionChanges;
  /** `path` as the model and the user should read it: workspace-relative inside the workspace. */
  displayPath(path: string): string;
}

export interface MemoryLibraryOptions {
  workspace: string;
  /** `<lcc home>/memory`. */
  projectFolder: string;
  /** `~/.lcc/memory`. */
  userFolder: string;
  /** Runs before the first project write (creates `.lcc` 0700, excluded from git). */
  prepareProject?: () => Promise<void>;
}

export function createMemoryLibrary(options: MemoryLibraryOptions): MemoryLibrary {
  const project: MemoryPlace = {
    scope: "project",
    folder: createMemoryFolder(options.projectFolder, options.prepareProject, options.workspace),
  };
  const samePlace = resolve(options.projectFolder) === resolve(options.userFolder);
  const user: MemoryPlace = samePlace
    ? project
    : { scope: "user", folder: createMemoryFolder(options.userFolder) };
  const places = samePlace ? [project] : [project, user];
  const saved = new Map<string, StoredMemory & { scope: MemoryScope }>();
  const forgotten = new Set<string>();
  const placeOf = (type: MemoryType) => (scopeOfType(type) === "user" ? user : project);

  /** Runs `work` holding the locks of `wanted`, always taken in the order of `places` (no deadlock). */
  async function withLocks<Result>(wanted: readonly MemoryPlace[], work: () => Promise<Result>) {
    const ordered = places.filter((place) => wanted.includes(place));
    const run = (index: number): Promise<Result> => {
      const place = ordered[index];
      return place ? place.folder.withLock(() => run(index + 1)) : work();
    };
    return run(0);
  }

  async function save(memory: MemoryRecord): Promise<SaveOutcome> {
    const secret = findSecret(`${memory.name}\n${memory.description}\n${memory.content}`);
    if (secret)
      return {
        kind: "refused",
        reason:
          `Not saved: this memory seems to contain ${secret}. Never save secrets (keys, tokens, passwords, private keys) ` +
          "to memory: every future session would carry them in its prompt. If the user wants to remember where a " +
          'secret is kept, save that (e.g. "the deploy key is in the team\'s password manager") without the secret itself.',
      };
    const target = placeOf(memory.type);
    const others = places.filter((place) => place !== target);
    // Only a memory of the same name in the other place needs that place's lock too.
    const elsewhere: MemoryPlace[] = [];
    for (const place of others)
      if ((await place.folder.list()).memories.some((entry) => entry.name === memory.name))
        elsewhere.push(place);
    return withLocks([target, ...elsewhere], async () => {
      const listing = await target.folder.list();
      const existing = listing.memories.find((entry) => entry.name === memory.name);
      const file = existing?.file ?? newMemoryFileName(memory.name, listing.files);
      const path = await target.folder.write(file, memory);
      let movedFrom: string | undefined;
      for (const place of elsewhere) {
        const old = (await place.folder.list()).memories.filter((entry) => entry.name === memory.name);
        for (const entry of old) {
          await place.folder.remove(entry.file);
          movedFrom = entry.path;
        }
        await place.folder.writeIndex();
      }
      const after = await target.folder.writeIndex();
      const stored: StoredMemory = { ...memory, content: memory.content.trim(), file, path };
      saved.set(memory.name, { ...stored, scope: target.scope });
      forgotten.delete(memory.name);
      return {
        kind: "saved",
        memory: stored,
        scope: target.scope,
        created: existing === undefined,
        ...(movedFrom ? { movedFrom } : {}),
        problems: after.problems,
      };
    });
  }

  async function forget(name: string): Promise<ForgetOutcome> {
    const outcome: ForgetOutcome = { forgotten: [], similar: [], problems: [] };
    const loose = (text: string) =>
      text
        .toLowerCase()
        .replace(/[\s_-]+/g, " ")
        .trim();
    for (const place of places) {
      const listing = await place.folder.list();
      outcome.problems.push(...listing.problems);
      outcome.similar.push(
        ...listing.memories
          .filter((entry) => entry.name !== name && loose(entry.name) === loose(name))
          .map((entry) => entry.name),
      );
      if (!listing.memories.some((entry) => entry.name === name)) continue;
      await place.folder.withLock(async () => {
        const current = (await place.folder.list()).memories.filter((entry) => entry.name === name);
        for (const entry of current) await place.folder.remove(entry.file);
        outcome.forgotten.push(...current);
        await place.folder.writeIndex();
      });
    }
    if (outcome.forgotten.length > 0) {
      outcome.similar = [];
      saved.delete(name);
      forgotten.add(name);
    }
    return outcome;
  }

  return {
    places,
    placeOf,
    async listAll() {
      return Promise.all(places.map(async (place) => ({ place, ...(await place.folder.list()) })));
    },
    save,
    forget,
    changes: () => ({ saved, forgotten }),
    displayPath(path) {
      const inside = relative(options.workspace, path);
      return inside && !inside.startsWith("..") && !isAbsolute(inside) ? inside : path;
    },
  };
}
