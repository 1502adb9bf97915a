// The version lcc reports, read from full/package.json so there is one source.
import packageJson from "../../package.json" with { type: "json" };

export const VERSION: string = packageJson.version;
