// Genera le icone del componente aggiuntivo (PNG veri, senza dipendenze): un quadrato arrotondato
// verde con un segno di spunta bianco, in 16/32/64/80/128 px. Uso: node scripts/make-icons.mjs
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

export const SIZES = [16, 32, 64, 80, 128];
const BG = [0x10, 0x7c, 0x41]; // verde Excel
const FG = [0xff, 0xff, 0xff];
const SS = 4; // sovracampionamento per i bordi morbidi

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** PNG RGBA 8 bit da una funzione pixel(x, y) -> [r, g, b, a] */
export function encodePng(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    const row = y * (size * 4 + 1);
    raw[row] = 0; // filtro: nessuno
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), row + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit per canale
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function segDist(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** copertura (0..1) di sfondo e spunta nel punto (u, v) in coordinate unitarie */
function sample(u, v) {
  const r = 0.2, m = 0.02; // raggio degli angoli, margine
  const cx = Math.min(Math.max(u, m + r), 1 - m - r);
  const cy = Math.min(Math.max(v, m + r), 1 - m - r);
  const inBox = u >= m && u <= 1 - m && v >= m && v <= 1 - m && Math.hypot(u - cx, v - cy) <= r;
  const check = [[0.26, 0.53], [0.43, 0.7], [0.75, 0.33]];
  const d = Math.min(segDist(u, v, check[0], check[1]), segDist(u, v, check[1], check[2]));
  return { bg: inBox, fg: inBox && d <= 0.075 };
}

export function drawIcon(size) {
  return encodePng(size, (x, y) => {
    let bg = 0, fg = 0;
    for (let i = 0; i < SS; i++)
      for (let j = 0; j < SS; j++) {
        const s = sample((x + (i + 0.5) / SS) / size, (y + (j + 0.5) / SS) / size);
        if (s.bg) bg++;
        if (s.fg) fg++;
      }
    const n = SS * SS;
    if (bg === 0) return [0, 0, 0, 0];
    const f = fg / bg; // quota di bianco dentro lo sfondo
    const mix = (k) => Math.round(BG[k] * (1 - f) + FG[k] * f);
    return [mix(0), mix(1), mix(2), Math.round((255 * bg) / n)];
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = fileURLToPath(new URL('../assets/icons/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  for (const size of SIZES) {
    writeFileSync(`${dir}icon-${size}.png`, drawIcon(size));
    console.log(`assets/icons/icon-${size}.png`);
  }
}
