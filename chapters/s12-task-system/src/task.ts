// One task as stored in `<lcc home>/tasks/<id>.json`: its fields, the limits on them, and parsing a file's
// text into a task or the problem a person can fix. Pure.
import { z } from "zod";

/** A task's states. `deleted` is only ever asked for: a deleted task's file is removed (see task-store.ts). */
export const TASK_STATUSES = ["pending", "in_progress", "completed", "deleted"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** Longest subject (one line, shown in every listing) and description. */
export const TASK_SUBJECT_MAX_CHARS = 200;
export const TASK_DESCRIPTION_MAX_CHARS = 10_000;
/** Most ids one call may add to blockedBy or blocks. */
export const TASK_LINKS_MAX = 50;

const taskId = z.number().int().positive();

/** The shape of a task file. Fields a later chapter adds are kept when the file is rewritten. */
export const storedTask = z.looseObject({
  id: taskId,
  subject: z.string().min(1).max(TASK_SUBJECT_MAX_CHARS),
  description: z.string().max(TASK_DESCRIPTION_MAX_CHARS),
  status: z.enum(TASK_STATUSES),
  owner: z.string().nullable(),
  blockedBy: z.array(taskId),
  blocks: z.array(taskId),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export type Task = z.infer<typeof storedTask>;

/** The file name of task `id` ("12.json"); listings take only names of this form. */
export function taskFileName(id: number): string {
  return `${id}.json`;
}

/** The id in a task file name, or undefined for any other name (".lock", temp files, "007.json"). */
export function idOfTaskFile(name: string): number | undefined {
  const match = /^([1-9]\d{0,14})\.json$/.exec(name);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** The file text of a task: pretty JSON with a final newline. */
export function renderTaskFile(task: Task): string {
  return `${JSON.stringify(task, null, 2)}\n`;
}

/**
 * The task in `text` read from the file of task `expectedId`, or what is wrong with it ("not JSON (…)",
 * "status: …", "its id 5 does not match its file name"). Never throws.
 */
export function parseTaskFile(
  text: string,
  expectedId: number,
): { ok: true; task: Task } | { ok: false; problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: `not JSON (${(error as Error).message})` };
  }
  const parsed = storedTask.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join(".") || "file"}: ${issue.message}`);
    const more = issues.length > 2 ? `; ${issues.length - 2} more` : "";
    return { ok: false, problem: `not a task (${issues.slice(0, 2).join("; ")}${more})` };
  }
  if (parsed.data.id !== expectedId)
    return { ok: false, problem: `its id ${parsed.data.id} does not match its file name` };
  return { ok: true, task: parsed.data };
}
