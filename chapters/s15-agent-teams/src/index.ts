// Public surface of s15 so far: the team transport (one interface, a file and a Redis backend) and what goes
// through it: mailboxes, the roster, broadcast and s16's request records.

export { broadcast } from "./broadcast.ts";
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
  RequestError,
  type RequestEvent,
  type RequestKind,
  type RequestState,
  type Requests,
  type TeamRequest,
} from "./requests.ts";
export { createRoster, type Member, type MemberState, type Roster, RosterError } from "./roster.ts";
export { checkTeammateName, checkTeamName, LEAD_NAME } from "./team-names.ts";
export { type FileTransportOptions, openFileTransport } from "./transport/file-transport.ts";
export {
  type OpenTeamTransportOptions,
  openTeamTransport,
  parseTeamBackend,
  TEAM_BACKEND_VARIABLE,
  type TeamBackend,
} from "./transport/open-team-transport.ts";
export {
  openRedisTransport,
  type RedisTransportOptions,
  redisNamespace,
} from "./transport/redis-transport.ts";
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
