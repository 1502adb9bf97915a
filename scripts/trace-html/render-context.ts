// What every part of the HTML view needs while it renders: the session (for links between its turns and tool
// calls), the scale of the token bars, how transcript paths become links, and how to render a nested line.
import { safeId } from "./html-escape.ts";
import type { LineModel, SessionModel } from "./page-model.ts";

/** Shared by the render functions of one session. */
export interface RenderContext {
  session: SessionModel;
  /** Tokens that make a bar 100% wide (the largest count of the file). */
  largestTokens: number;
  /** The href of a saved transcript, or undefined to show the path without a link. */
  transcriptHref(path: string): string | undefined;
  /** Renders a branch's line (render-line.ts), passed in so turns and lines need not import each other. */
  renderLine(line: LineModel): string;
}

/** The element id of turn `number` of the session: "s1-turn-3". */
export function turnId(context: RenderContext, number: number): string {
  return `s${context.session.number}-turn-${number}`;
}

/** The element id of a tool call: "s1-tool-toolu_01…". */
export function toolId(context: RenderContext, id: string): string {
  return `s${context.session.number}-tool-${safeId(id)}`;
}
