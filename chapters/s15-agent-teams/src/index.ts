// Public surface of s15: the team transport (one interface, a file and a Redis backend), what goes through it
// (mailboxes, the roster, broadcast, s16's request records), the team runtime, its tools and the chapter.
import "./team-events.ts";

export {
  colorWanted,
  createS15Chapter,
  createTeamSetup,
  type TeamSetup,
  type TeamSetupOptions,
} from "./agent.ts";
export { broadcast } from "./broadcast.ts";
export {
  DEFAULT_INBOX_POLL_MS,
  deliverInbox,
  formatInbox,
  type InboxDelivery,
  type InboxDeliveryOptions,
} from "./inbox-delivery.ts";
export {
  createMailbox,
  inboxStream,
  type Mailbox,
  type MailboxMessage,
  type MessageKind,
  type SendOptions,
} from "./mailbox.ts";
export {
  createRequests,
  nextState,
  parseRequest,
  RequestError,
  type RequestEvent,
  type RequestKind,
  type RequestState,
  type Requests,
  type TeamRequest,
} from "./requests.ts";
export { createRoster, type Member, type MemberState, type Roster, RosterError } from "./roster.ts";
export {
  createTeam,
  type SpawnRequest,
  type Team,
  TeamError,
  type TeammateExtension,
  type TeamOptions,
  THIS_OWNER,
} from "./team.ts";
export { abortTeammate, createInboxCommand, createTeamCommand, type StopTeammate } from "./team-commands.ts";
export { checkTeammateName, checkTeamName, LEAD_NAME } from "./team-names.ts";
export { createTeamRenderer, teammateColor } from "./team-renderer.ts";
export { type DeliveredMessage, deliveredMessages, newlyDelivered, toolResultsOf } from "./team-requests.ts";
export {
  type AgentScript,
  agentOfRequest,
  createGate,
  type Gate,
  gated,
  requestsOf,
  type TeamReply,
  teamScript,
} from "./team-script.ts";
export { TEAM_SECTION } from "./team-section.ts";
export { createTeamWakeups, type TeamWakeups } from "./team-wakeups.ts";
export {
  type IdlePolicy,
  lastAssistantText,
  MAX_TEAMMATE_ROUNDS,
  startTeammate,
  type Teammate,
  type TeammateRuntime,
  type TeammateSpec,
  waitForMessages,
} from "./teammate.ts";
export { teammateIdentity, teammateSystemPrompt } from "./teammate-prompt.ts";
export { leadTools } from "./tools/lead-tools.ts";
export { describeMember } from "./tools/list-teammates.ts";
export { describeMessage } from "./tools/read-inbox.ts";
export { MAX_MESSAGE_CHARS } from "./tools/send-message.ts";
export type { SpawnPlace } from "./tools/spawn-teammate.ts";
export { teammateTools } from "./tools/teammate-tools.ts";
export { type FileTransportOptions, openFileTransport } from "./transport/file-transport.ts";
export {
  type OpenTeamTransportOptions,
  openTeamTransport,
  parseTeamBackend,
  TEAM_BACKEND_VARIABLE,
  type TeamBackend,
} from "./transport/open-team-transport.ts";
// The Redis backend is not re-exported: openTeamTransport loads it only for a Redis team (its client is large).
export { teamFolderPaths } from "./transport/team-folder.ts";
export {
  compareStreamIds,
  DEFAULT_READ_LIMIT,
  MAX_MESSAGE_BYTES,
  MAX_READ_LIMIT,
  type StreamEntry,
  type TeamTransport,
  TeamTransportError,
} from "./transport/team-transport.ts";
