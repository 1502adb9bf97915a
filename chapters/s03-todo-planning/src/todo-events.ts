// s03's event: the plan changed. Added to the shared event union by augmenting s02's AgentEventMap.
import type { TodoItem } from "./todo-plan.ts";

declare module "@lcc/s02" {
  interface AgentEventMap {
    /** todo_write replaced the plan; `rendered` is exactly what the model read back. */
    todo_update: { items: TodoItem[]; rendered: string };
  }
}
