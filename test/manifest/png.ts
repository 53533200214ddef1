import { inflateSync } from 'node:zlib';

export interface Png {
  width: number;
  height: number;
  colorType: number;
  /** RGBA pixels (only for 8-bit RGBA, unfiltered or with filter 0 rows) */
  rgba?: Uint8Array;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** reads a PNG: signature, IHDR size and, for 8-bit RGBA with filter 0, the pixels */
export function readPng(data: Uint8Array): Png {
  const buf = Buffer.from(data);
  if (!SIGNATURE.every((b, i) => buf[i] === b)) throw new Error('non è un PNG');
  if (buf.toString('ascii', 12, 16) !== 'IHDR') throw new Error('PNG senza IHDR');
  const width = buf.readUInt32BE(16);
  const height = buf.readUInt32BE(20);
  const bitDepth = buf[24];
  const colorType = buf[25];
  const idat: Buffer[] = [];
  for (let p = 8; p < buf.length; ) {
    const len = buf.readUInt32BE(p);
    const type = buf.toString('ascii', p + 4, p + 8);
    if (type === 'IDAT') idat.push(buf.subarray(p + 8, p + 8 + len));
    p += 12 + len;
  }
  if (bitDepth !== 8 || colorType !== 6) return { width, height, colorType };
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4 + 1;
  if (raw.length !== stride * height || [...Array(height).keys()].some((y) => raw[y * stride] !== 0)) {
    return { width, height, colorType };
  }
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) rgba.set(raw.subarray(y * stride + 1, (y + 1) * stride), y * width * 4);
  return { width, height, colorType, rgba };
}
