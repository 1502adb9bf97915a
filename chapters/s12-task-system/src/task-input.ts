// Input fields the task tools share (zod: the single source of truth for the schemas the model sees).
import { z } from "zod";
import { TASK_DESCRIPTION_MAX_CHARS, TASK_LINKS_MAX, TASK_SUBJECT_MAX_CHARS } from "./task.ts";

export const taskIdInput = z.number().int().positive().describe("The task's number (#3 is 3).");

export const subjectInput = z
  .string()
  .trim()
  .min(1)
  .max(TASK_SUBJECT_MAX_CHARS)
  .regex(/^[^\r\n]*$/, "must be a single line")
  .describe("What to do, one imperative line.");

export const descriptionInput = z
  .string()
  .trim()
  .max(TASK_DESCRIPTION_MAX_CHARS)
  .describe("What another session needs to do it: files, acceptance criteria.");

export const taskIdsInput = (what: string) =>
  z.array(z.number().int().positive()).max(TASK_LINKS_MAX).describe(what);
