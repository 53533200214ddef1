/**
 * The two things the adapter needs from Office: Excel.run and isSetSupported.
 * Globals are read lazily (never at import time): in Node and in the preview `Office`/`Excel` are absent.
 */

export interface OfficeHost {
  /** Excel.run; with `reuse` the batch runs on an existing context (to remove event handlers) */
  run<T>(batch: (ctx: Excel.RequestContext) => Promise<T>, reuse?: Excel.RequestContext): Promise<T>;
  /** Office.context.requirements.isSetSupported(name, version) */
  isSetSupported(name: string, version: string): boolean;
}

interface OfficeGlobals {
  Office?: typeof Office;
  Excel?: typeof Excel;
}

function globals(): OfficeGlobals {
  return globalThis as unknown as OfficeGlobals;
}

/**
 * true when office.js is loaded (the `Office` global exists). Whether we are really inside Excel is known
 * only after Office.onReady: createOfficeWorkbook() checks that.
 */
export function isOfficeAvailable(): boolean {
  return typeof globals().Office?.onReady === 'function';
}

/** waits for Office.onReady; true when the host is Excel and Excel.run exists */
export async function officeReadyInExcel(): Promise<boolean> {
  const g = globals();
  if (typeof g.Office?.onReady !== 'function') return false;
  const info = await g.Office.onReady();
  return String(info?.host ?? '') === 'Excel' && typeof globals().Excel?.run === 'function';
}

/** the real host over the Office.js globals (call only when isOfficeAvailable()) */
export function globalOfficeHost(): OfficeHost {
  return {
    run<T>(batch: (ctx: Excel.RequestContext) => Promise<T>, reuse?: Excel.RequestContext): Promise<T> {
      const xl = globals().Excel!;
      return reuse ? xl.run(reuse, batch) : xl.run(batch);
    },
    isSetSupported(name: string, version: string): boolean {
      try {
        return globals().Office!.context.requirements.isSetSupported(name, version);
      } catch {
        return false;
      }
    },
  };
}

/** Office's theme is dark when its body background is dark (officeTheme is absent in older hosts) */
export function officeThemeIsDark(): boolean {
  if (!isOfficeAvailable()) return false;
  const hex = Office.context?.officeTheme?.bodyBackgroundColor;
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? '');
  if (!m) return false;
  const [r, g, b] = [m[1], m[2], m[3]].map((x) => parseInt(x, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}
