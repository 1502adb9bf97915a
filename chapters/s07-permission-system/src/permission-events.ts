// The event s07 adds: the permission mode changed (/mode, or later Shift+Tab in lcc).
import type { PermissionMode } from "./permission-policy.ts";

declare module "@lcc/s02" {
  interface AgentEventMap {
    permission_mode: { mode: PermissionMode; previous: PermissionMode };
  }
}
