// Notification hooks: the user is about to be asked something (a permission prompt), so a hook may
// notify them (a desktop notification, a chat message). The ask is wrapped where the session gets it.
import type { AskUser } from "@lcc/chapter-kit";
import type { HookRunner } from "./hook-runner.ts";

/**
 * `ask` that first starts the Notification hooks of the current runner (`notification_type`
 * "permission_prompt", the question as `message`) without waiting for them: a slow notifier never delays
 * the question. The trust question itself notifies nobody (its answer decides whether project hooks run).
 */
export function createNotifyingAsk(ask: AskUser, runner: () => HookRunner | undefined): AskUser {
  return (request, signal) => {
    const current = runner();
    if (current && request.source !== "hooks") {
      const input = { message: request.question, notification_type: "permission_prompt" };
      void current.fire("Notification", { input, target: "permission_prompt", signal });
    }
    return ask(request, signal);
  };
}
