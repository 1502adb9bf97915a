// One row of the shell's own lines cut to the terminal's width: pi-tui's truncateToWidth, without the
// reset codes it adds when colours are off (NO_COLOR output carries no escape codes at all).
import { truncateToWidth, visibleWidth } from "@mariozechner/pi-tui";

/** `text` when it fits in `width` columns, else cut with "…"; with `colors` false, free of SGR codes. Pure. */
export function fitWidth(text: string, width: number, colors: boolean): string {
  if (visibleWidth(text) <= width) return text;
  const cut = truncateToWidth(text, width, "…");
  return colors ? cut : cut.replace(/\u001b\[[0-9;]*m/g, "");
}
