export const CSP: string;
export function startWebServer(options: { root: string; port?: number }): Promise<{ url: string; close: () => Promise<void> }>;
