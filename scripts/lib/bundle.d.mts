export function scriptSources(html: string): string[];
export function firstLoadSize(
  distDir: string,
  page?: string,
): { files: { file: string; bytes: number; gzipBytes: number }[]; gzipBytes: number; gzipKb: number };
