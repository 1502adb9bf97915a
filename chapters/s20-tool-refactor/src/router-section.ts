// The system section of s20: the model gets the speed-up only if it asks for independent reads together.
import type { SystemSection } from "@lcc/s02";

export const ROUTER_SECTION: SystemSection = {
  name: "tool-calls",
  text: [
    "Tool calls: when several read-only calls do not depend on each other (reading files, searching, listing),",
    "ask for them in one response: they run at the same time and their results come back in your order.",
    "Calls that change something run one at a time, in the order you wrote them.",
  ].join("\n"),
};
