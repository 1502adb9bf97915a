// Terminal colours that respect NO_COLOR (https://no-color.org), FORCE_COLOR and non-TTY output.

export interface Colors {
  enabled: boolean;
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  blue(text: string): string;
  magenta(text: string): string;
  cyan(text: string): string;
  gray(text: string): string;
}

/**
 * Colour is on when the stream is a TTY, NO_COLOR is unset or empty and TERM is not "dumb";
 * FORCE_COLOR (any value but "0") turns it on regardless, except that NO_COLOR always wins.
 */
export function shouldUseColor(env: NodeJS.ProcessEnv, isTTY: boolean | undefined): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0") return true;
  return Boolean(isTTY) && env.TERM !== "dumb";
}

/** Colour functions; when disabled every function returns its input unchanged. */
export function createColors(enabled: boolean): Colors {
  const style = (open: number, close: number) => (text: string) =>
    enabled && text ? `\u001b[${open}m${text}\u001b[${close}m` : text;
  return {
    enabled,
    bold: style(1, 22),
    dim: style(2, 22),
    red: style(31, 39),
    green: style(32, 39),
    yellow: style(33, 39),
    blue: style(34, 39),
    magenta: style(35, 39),
    cyan: style(36, 39),
    gray: style(90, 39),
  };
}
