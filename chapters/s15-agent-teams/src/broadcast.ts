// Broadcast: one message to every teammate on the roster except the sender, each its own append to that
// teammate's inbox (kind "broadcast"), in roster order. Stopped teammates are left out.
import { createMailbox } from "./mailbox.ts";
import { createRoster } from "./roster.ts";
import type { TeamTransport } from "./transport/team-transport.ts";

/**
 * Sends `content` from `from` to every working or idle teammate but `from`; returns the names it went to,
 * in roster order. Rejects with TeamTransportError for a bad `from`; a failed append stops the broadcast
 * there (the names before it were sent).
 */
export async function broadcast(transport: TeamTransport, from: string, content: string): Promise<string[]> {
  const mailbox = createMailbox(transport, from);
  const recipients = (await createRoster(transport).list())
    .filter((member) => member.name !== from && member.state !== "stopped")
    .map((member) => member.name);
  for (const to of recipients) await mailbox.send(to, { content, kind: "broadcast" });
  return recipients;
}
