// The order of the system prompt: stable sections first, the cache breakpoint after them, the
// environment last. Sections are placed by name, so a chapter that adds none (or one more) still fits. Pure.
import type { SystemSection } from "@lcc/s02";
import { ENVIRONMENT_SECTION } from "./environment.ts";
import { INSTRUCTIONS_SECTION } from "./instruction-sections.ts";

/**
 * The layers, in prompt order. A name not listed (planning, delegation, context, permissions, lcc's
 * product …) is tool guidance: it goes right after identity, in the order the chapters added it.
 */
export const SECTION_LAYERS: readonly string[] = [
  "identity",
  "*",
  "skills",
  "memory",
  INSTRUCTIONS_SECTION,
  ENVIRONMENT_SECTION,
];

function layerOf(section: SystemSection): number {
  const index = SECTION_LAYERS.indexOf(section.name);
  return index >= 0 ? index : SECTION_LAYERS.indexOf("*");
}

/** The sections sorted by layer; within a layer, as given (a stable sort). A missing layer is simply absent. */
export function orderSections(sections: readonly SystemSection[]): SystemSection[] {
  return [...sections].sort((left, right) => layerOf(left) - layerOf(right));
}

/**
 * The prompt s10 sends: the sections in order, with one cache breakpoint on the last section before
 * the environment (everything before it is the same for every session in this repository), and none
 * elsewhere. lcc calls it again after adding its own section.
 */
export function arrangePromptSections(sections: readonly SystemSection[]): SystemSection[] {
  const ordered = orderSections(sections).map(({ cacheBreakpoint: _dropped, ...section }) => section);
  const firstDynamic = ordered.findIndex((section) => section.name === ENVIRONMENT_SECTION);
  const last = (firstDynamic < 0 ? ordered.length : firstDynamic) - 1;
  return ordered.map((section, index) => (index === last ? { ...section, cacheBreakpoint: true } : section));
}
