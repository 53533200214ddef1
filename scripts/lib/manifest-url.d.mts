export const DEV_BASE_URL: string;
export function normalizeBaseUrl(raw: string | undefined): string;
export function rewriteManifest(xml: string, baseUrl: string | undefined): string;
