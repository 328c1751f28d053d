/**
 * Draws the toolbar icon (a lens over a gold dot on a blue tile) at every size the manifest
 * uses and writes public/icon/<size>.png. Pure Node, so anyone can rerun it: `npm run icons`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

type Rgba = [number, number, number, number];
const BLUE: Rgba = [31, 78, 121, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const GOLD: Rgba = [242, 184, 28, 255];
const SAMPLES = 4;

/** Colour of the icon at a point of the unit square, or null for transparent. */
function shade(x: number, y: number): Rgba | null {
  const r = 0.18; // tile corner radius
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if (Math.hypot(x - cx, y - cy) > r) return null;
  const lx = 0.43;
  const ly = 0.43;
  const d = Math.hypot(x - lx, y - ly);
  if (d < 0.13) return GOLD;
  if (d > 0.2 && d < 0.28) return WHITE;
  // Handle: a thick segment from the ring towards the lower right corner.
  const t = (x - lx + (y - ly)) / 2;
  const off = Math.abs(x - lx - (y - ly)) / Math.SQRT2;
  if (t * Math.SQRT2 > 0.26 && t * Math.SQRT2 < 0.5 && off < 0.055) return WHITE;
  return BLUE;
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

export function drawIcon(size: number): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let py = 0; py < size; py++) {
    raw[py * (size * 4 + 1)] = 0; // filter: none
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const c = shade((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size);
          if (!c) continue;
          for (let i = 0; i < 3; i++) acc[i]! += c[i]! * c[3];
          acc[3]! += c[3];
        }
      }
      const o = py * (size * 4 + 1) + 1 + px * 4;
      const alpha = acc[3]!;
      for (let i = 0; i < 3; i++) raw[o + i] = alpha ? Math.round(acc[i]! / alpha) : 0;
      raw[o + 3] = Math.round(alpha / (SAMPLES * SAMPLES));
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.writeUInt8(8, 8); // bit depth
  ihdr.writeUInt8(6, 9); // RGBA
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync('public/icon', { recursive: true });
for (const size of [16, 32, 48, 96, 128]) writeFileSync(`public/icon/${size}.png`, drawIcon(size));
console.log('icons: public/icon/{16,32,48,96,128}.png');
