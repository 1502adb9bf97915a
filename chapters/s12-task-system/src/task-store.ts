// The durable task graph: every change (create, update, delete) is one read-modify-write under one lock
// file shared by all processes (`<tasks>/.lock`, chapter-kit's owner lock: a dead holder's lock is taken
// over), every file is replaced atomically, and ids come from a high-water mark so none is ever reused.
import { mkdir } from "node:fs/promises";
import { isAbsolute, join, relative } from "node:path";
import { LockHeldError, withOwnerLock } from "@lcc/chapter-kit";
import { ToolError } from "@lcc/s02";
import type { Task } from "./task.ts";
import {
  highestTaskFileId,
  linkBelow,
  readHighWater,
  readTaskFolder,
  removeTask,
  TaskFileError,
  type UnreadableTask,
  writeHighWater,
  writeTask,
} from "./task-folder.ts";
import {
  cycleThrough,
  describeCycle,
  normalizeGraph,
  readyTasks,
  type TaskEdge,
  withEdge,
} from "./task-graph.ts";

/** What {@link TaskStore.list} returns: the readable tasks in id order and what could not be read. */
export interface TaskList {
  /** Edges mirrored both ways, ids of deleted tasks dropped. */
  tasks: Task[];
  /** One line per unreadable file or folder, naming its path: "…/4.json: not JSON (…); skipped, left as it is". */
  problems: string[];
  unreadable: UnreadableTask[];
}

export interface NewTask {
  subject: string;
  description?: string;
  blockedBy?: number[];
  blocks?: number[];
}

/** Fields left undefined stay as they are. */
export interface TaskChanges {
  status?: Task["status"] | undefined;
  /** "" clears the owner. */
  owner?: string | undefined;
  subject?: string | undefined;
  description?: string | undefined;
  addBlockedBy?: number[] | undefined;
  addBlocks?: number[] | undefined;
}

export interface UpdateOutcome {
  before: Task;
  /** The task as written; for a deletion, as it was when its file was removed. */
  task: Task;
  deleted: boolean;
  /** Pending tasks that had an open blocker and have none now (completing or deleting a blocker). */
  ready: Task[];
  /** The graph after the change. */
  tasks: Task[];
}

export interface TaskStore {
  /** `<lcc home>/tasks`. */
  readonly folder: string;
  /** `path` relative to the workspace when inside it (messages for the model and the user). */
  displayPath(path: string): string;
  /** Reads every task (no lock: files are replaced atomically). Never throws. */
  list(): Promise<TaskList>;
  /**
   * Creates a task with the next id (highest ever given out + 1), pending and without owner, and mirrors
   * its links. Throws ToolError for unknown ids, a cycle, a corrupt file it would have to write.
   */
  create(input: NewTask): Promise<{ task: Task; tasks: Task[] }>;
  /**
   * Changes task `id` and mirrors added links in one locked transaction. `status: "deleted"` removes
   * the file and the id from every other task. Throws ToolError (nothing changed) for a missing or
   * corrupt task, unknown ids, a cycle (named), or a corrupt file it would have to write. `guard` runs
   * inside the lock on the task and graph as they are now, before anything is written; a throw refuses the
   * change (s17's claim re-checks the owner there, so two agents never claim one task).
   */
  update(id: number, changes: TaskChanges, guard?: TaskGuard): Promise<UpdateOutcome>;
}

/** A check of a change against the task as it is inside the lock; it throws to refuse (see TaskStore.update). */
export type TaskGuard = (current: Task, tasks: readonly Task[]) => void;

export interface TaskStoreOptions {
  /** The task folder, `<lcc home>/tasks`. */
  folder: string;
  /** The workspace: no symbolic link between it and the folder is followed; paths are shown relative to it. */
  root: string;
  /** Runs before the first write (s12 creates the state folder with its git exclusion). */
  prepare?: () => Promise<void>;
  /** How long a change waits for another process holding the lock (default 10 s). */
  lockWaitMs?: number;
  /** The clock for createdAt / updatedAt (default the real one). */
  now?: () => Date;
}

/** The store over `options.folder`. Creating it touches nothing on disk. */
export function createTaskStore(options: TaskStoreOptions): TaskStore {
  const { folder, root } = options;
  const lockWaitMs = options.lockWaitMs ?? 10_000;
  const now = () => (options.now ?? (() => new Date()))().toISOString();
  const displayPath = (path: string) => {
    const below = relative(root, path);
    return below === "" || below.startsWith("..") || isAbsolute(below) ? path : below;
  };
  const describeUnreadable = (file: UnreadableTask) =>
    `${displayPath(file.path)}: ${file.problem}; skipped, left as it is`;

  async function locked<Result>(work: () => Promise<Result>): Promise<Result> {
    await refuseLinkedFolder();
    await options.prepare?.();
    await mkdir(folder, { recursive: true, mode: 0o700 });
    await refuseLinkedFolder();
    try {
      return await withOwnerLock(join(folder, ".lock"), work, { waitMs: lockWaitMs });
    } catch (error) {
      if (!(error instanceof LockHeldError)) throw error;
      throw new ToolError(
        `${error.message} for more than ${lockWaitMs / 1000} s; nothing was changed. Try again.`,
      );
    }
  }

  async function refuseLinkedFolder(): Promise<void> {
    const link = await linkBelow(root, folder);
    if (link)
      throw new TaskFileError(
        `${displayPath(link)} is a symbolic link; no task is written through it (remove the link)`,
      );
  }

  /** The graph under the lock, refusing a folder problem. */
  async function readGraph() {
    const listing = await readTaskFolder(folder, root);
    if (listing.folderProblem) throw new TaskFileError(listing.folderProblem);
    const unreadableIds = new Set(listing.unreadable.map((file) => file.id));
    return { listing, unreadableIds, tasks: normalizeGraph(listing.tasks, unreadableIds) };
  }

  /** Adds `edges` one by one; throws on an unknown id, an unreadable end, or the first cycle. */
  function linkAll(tasks: Task[], edges: TaskEdge[], unreadable: readonly UnreadableTask[]): Task[] {
    const ends = edges.flatMap((edge) => [edge.blocker, edge.blocked]);
    const broken = unreadable.find((file) => ends.includes(file.id));
    if (broken)
      throw new TaskFileError(
        `${displayPath(broken.path)} would have to be written but is not a valid task file (${broken.problem}); ` +
          "it is left as it is. Fix or remove it, or leave that task out. Nothing was changed.",
      );
    const unknown = [...new Set(ends)].filter((id) => !tasks.some((task) => task.id === id));
    if (unknown.length > 0)
      throw new ToolError(
        `No task ${unknown.map((id) => `#${id}`).join(", ")}: task_list shows the ids that exist. Nothing was changed.`,
      );
    let linked = tasks;
    for (const edge of edges) {
      const cycle = cycleThrough(edge, linked);
      if (cycle)
        throw new ToolError(
          `Refused: that link would make a cycle (${describeCycle(cycle)}); a task cannot wait on itself, ` +
            "directly or through other tasks. Nothing was changed.",
        );
      linked = withEdge(linked, edge);
    }
    return linked;
  }

  /** Writes the tasks of `after` whose content differs from `before` (updatedAt set). */
  async function writeChanged(before: readonly Task[], after: readonly Task[], at: string): Promise<Task[]> {
    const written: Task[] = [];
    for (const task of after) {
      const old = before.find((other) => other.id === task.id);
      if (old && JSON.stringify(old) === JSON.stringify(task)) {
        written.push(task);
        continue;
      }
      const stamped = { ...task, updatedAt: at };
      await writeTask(folder, stamped);
      written.push(stamped);
    }
    return written;
  }

  async function missingTask(id: number, highestFileId: number): Promise<ToolError> {
    const highWater = await readHighWater(folder).catch(() => 0);
    const gone = id <= Math.max(highWater, highestFileId);
    return new ToolError(
      `${gone ? `Task #${id} was deleted (ids are never reused)` : `There is no task #${id}`}. ` +
        "task_list shows the tasks that exist.",
    );
  }

  return {
    folder,
    displayPath,
    async list() {
      const listing = await readTaskFolder(folder, root);
      const unreadableIds = new Set(listing.unreadable.map((file) => file.id));
      return {
        tasks: normalizeGraph(listing.tasks, unreadableIds),
        problems: [
          ...(listing.folderProblem ? [listing.folderProblem] : []),
          ...listing.unreadable.map(describeUnreadable),
        ],
        unreadable: listing.unreadable,
      };
    },
    create(input) {
      return locked(async () => {
        const id = Math.max(await readHighWater(folder), await highestTaskFileId(folder)) + 1;
        const at = now();
        const task: Task = {
          id,
          subject: input.subject,
          description: input.description ?? "",
          status: "pending",
          owner: null,
          blockedBy: [],
          blocks: [],
          createdAt: at,
          updatedAt: at,
        };
        const edges = [
          ...(input.blockedBy ?? []).map((blocker) => ({ blocker, blocked: id })),
          ...(input.blocks ?? []).map((blocked) => ({ blocker: id, blocked })),
        ];
        // The graph is read only when the new task is linked (creating stays cheap as the graph grows).
        const { listing, tasks } = edges.length > 0 ? await readGraph() : { listing: undefined, tasks: [] };
        const after = linkAll([...tasks, task], edges, listing?.unreadable ?? []);
        // The mark first: a process killed after it skips an id, never gives one out twice.
        await writeHighWater(folder, id);
        const written = await writeChanged(tasks, after, at);
        return { task: written.find((entry) => entry.id === id) ?? task, tasks: written };
      });
    },
    update(id, changes, guard) {
      return locked(async () => {
        const { listing, tasks } = await readGraph();
        const broken = listing.unreadable.find((file) => file.id === id);
        if (broken)
          throw new TaskFileError(
            `${displayPath(broken.path)} is not a valid task file (${broken.problem}); it is left as it is. ` +
              "Fix or remove the file, then try again. Nothing was changed.",
          );
        const before = tasks.find((task) => task.id === id);
        if (!before) throw await missingTask(id, listing.highestFileId);
        guard?.(before, tasks);
        const readyBefore = new Set(readyTasks(tasks).map((task) => task.id));
        const becameReady = (graph: Task[]) =>
          readyTasks(graph).filter((task) => task.id !== id && !readyBefore.has(task.id));
        const at = now();
        if (changes.status === "deleted") {
          await removeTask(folder, id);
          const rest = tasks.filter((task) => task.id !== id);
          const after = normalizeGraph(rest, new Set(listing.unreadable.map((file) => file.id)));
          const written = await writeChanged(rest, after, at);
          return { before, task: before, deleted: true, ready: becameReady(written), tasks: written };
        }
        const edges = [
          ...(changes.addBlockedBy ?? []).map((blocker) => ({ blocker, blocked: id })),
          ...(changes.addBlocks ?? []).map((blocked) => ({ blocker: id, blocked })),
        ];
        const linked = linkAll(tasks, edges, listing.unreadable).map((task) =>
          task.id === id ? applyFields(task, changes) : task,
        );
        const written = await writeChanged(tasks, linked, at);
        const task = written.find((entry) => entry.id === id) ?? before;
        return { before, task, deleted: false, ready: becameReady(written), tasks: written };
      });
    },
  };
}

function applyFields(task: Task, changes: TaskChanges): Task {
  return {
    ...task,
    ...(changes.status ? { status: changes.status } : {}),
    ...(changes.subject !== undefined ? { subject: changes.subject } : {}),
    ...(changes.description !== undefined ? { description: changes.description } : {}),
    ...(changes.owner !== undefined ? { owner: changes.owner === "" ? null : changes.owner } : {}),
  };
}
