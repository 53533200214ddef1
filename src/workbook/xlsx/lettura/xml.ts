/**
 * The XML pieces the reader shares: a streaming parse over saxes that never throws (a malformed part stops where
 * it breaks and keeps what came before), local element names, and the two text decodings ExcelJS applies.
 */
import { SaxesParser, type SaxesTag } from 'saxes';

export interface XmlHandlers {
  /** an element opens; `name` without its namespace prefix; return false to stop the parse */
  open(name: string, attrs: Record<string, string>): boolean | void;
  close?(name: string): void;
  text?(text: string): void;
}

/** chunk size for feeding saxes: progress is reported between chunks */
const CHUNK = 1 << 20;

class Stop extends Error {}

export function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/** the value of a prefixed attribute by its local name (`r:id`, whatever the prefix); plain names are ignored */
export function prefixedAttr(attrs: Record<string, string>, local: string): string | undefined {
  for (const k in attrs) {
    const i = k.indexOf(':');
    if (i > 0 && k.slice(i + 1) === local && k.slice(0, i) !== 'xmlns') return attrs[k];
  }
  return undefined;
}

/**
 * Parse `text`, calling the handlers; returns false when the XML was malformed or the handlers stopped
 * (what was handled before stays handled). `onChunk(fraction)` is called after each chunk.
 */
export function parseXml(text: string, h: XmlHandlers, onChunk?: (fraction: number) => void): boolean {
  const parser = new SaxesParser({ position: false, xmlns: false });
  parser.on('error', (e) => {
    throw new Stop(e.message);
  });
  parser.on('opentag', (tag: SaxesTag) => {
    if (h.open(localName(tag.name), tag.attributes as Record<string, string>) === false) throw new Stop('fermato');
  });
  const close = h.close;
  if (close) parser.on('closetag', (tag: SaxesTag) => close(localName(tag.name)));
  const onText = h.text;
  if (onText) {
    parser.on('text', onText);
    parser.on('cdata', onText);
  }
  try {
    for (let i = 0; i < text.length; i += CHUNK) {
      parser.write(text.slice(i, i + CHUNK));
      onChunk?.(Math.min(1, (i + CHUNK) / text.length));
    }
    parser.close();
    return true;
  } catch (e) {
    if (e instanceof Stop) return false;
    // anything else thrown inside a handler is a bug of ours on odd input: the part is read up to there
    return false;
  }
}

/** the text of a part: UTF-8 (or UTF-16 with its byte order mark), never throwing */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

/** Excel's `_xHHHH_` escapes in a `<t>` (upper-case hex only, as ExcelJS decodes them) */
export function decodeEscapes(s: string): string {
  return s.indexOf('_x') < 0 ? s : s.replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** ExcelJS decodes the five XML entities a second time in `t="str"` values; kept for identical results */
export function decodeEntitiesAgain(s: string): string {
  return s.indexOf('&') < 0
    ? s
    : s.replace(/&([a-z]*);/g, (c) =>
        c === '&lt;' ? '<' : c === '&gt;' ? '>' : c === '&amp;' ? '&' : c === '&apos;' ? "'" : c === '&quot;' ? '"' : c,
      );
}
