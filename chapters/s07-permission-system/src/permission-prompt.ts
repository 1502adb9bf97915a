// Asking the user about one call: yes once / yes for this session / yes always / no with feedback, and the
// denial a session without a terminal gives instead, naming the rule or flag that would allow the call.
import type { AskRequest, AskUser } from "@lcc/chapter-kit";
import type { PolicyVerdict } from "./permission-policy.ts";
import { formatRule } from "./permission-rule.ts";

/** A yes may carry the answerer's replacement input (an SDK host's updatedInput, lcc's stream-json mode). */
export type PermissionAnswer =
  | { kind: "once" | "session" | "always"; input?: unknown }
  | { kind: "refused"; message: string };

/**
 * The question for a call the policy wants the user to decide; `saveTo` is the file "always" writes. `call`
 * rides along for answerers that are programs (they see the tool's name, input and id).
 */
export function buildPermissionRequest(
  summary: string,
  verdict: PolicyVerdict,
  saveTo: string,
  call?: AskRequest["call"],
): AskRequest {
  const rules = verdict.suggestions.map(formatRule).join(", ");
  return {
    ...(call ? { call } : {}),
    source: "permission",
    question: `Allow ${summary}?`,
    detail: `why it asks: ${verdict.reason}`,
    takesText: true,
    choices: [
      { key: "y", label: "yes, once" },
      { key: "s", label: rules ? `yes, for this session (${rules})` : "yes, for this session" },
      ...(rules ? [{ key: "a", label: `yes, always: save ${rules} to ${saveTo}` }] : []),
      { key: "n", label: "no, and tell the model what to do instead" },
    ],
  };
}

/** Asks and reads the answer; a refusal carries the text the model reads. Never throws. */
export async function askPermission(
  ask: AskUser,
  summary: string,
  verdict: PolicyVerdict,
  saveTo: string,
  signal: AbortSignal,
  call?: AskRequest["call"],
): Promise<PermissionAnswer> {
  const answer = await ask(buildPermissionRequest(summary, verdict, saveTo, call), signal);
  if (answer.kind === "unavailable")
    return { kind: "refused", message: unavailableMessage(summary, verdict, answer.reason) };
  if (answer.key === "y")
    return answer.input === undefined ? { kind: "once" } : { kind: "once", input: answer.input };
  if (answer.key === "s") return { kind: "session" };
  if (answer.key === "a") return { kind: "always" };
  const feedback = answer.text ? ` and said: ${answer.text}` : "";
  return {
    kind: "refused",
    message: `The user refused ${summary}${feedback}. Do not retry it as is; adjust your approach or ask the user.`,
  };
}

/** "Not run: … To allow it, run with --permission-mode acceptEdits or add an allow rule Edit(src/**) …". */
export function unavailableMessage(summary: string, verdict: PolicyVerdict, why: string): string {
  const ways = [
    ...(verdict.mode ? [`run with --permission-mode ${verdict.mode}`] : []),
    ...(verdict.suggestions.length > 0
      ? [`add an allow rule ${verdict.suggestions.map(formatRule).join(" and ")} to .claude/settings.json`]
      : [
          "rewrite the command without $(…), backticks or heredocs, or run with --permission-mode bypassPermissions",
        ]),
  ];
  return `Not run: ${summary} needs the user's approval (${verdict.reason}), and ${why}. To allow it, ${ways.join(" or ")}.`;
}
