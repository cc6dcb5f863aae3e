export const CLI_DIR: string;
export const CLI_ENTRY: string;
export function buildCli(): Promise<void>;
export function cliIsStale(): boolean;
export function ensureCli(): Promise<void>;
