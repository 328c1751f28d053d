import { inflateSync } from 'node:zlib';

/**
 * Reads a browser's screenshot (8-bit RGB or RGBA PNG, not interlaced, as Chromium and Firefox
 * write them) into pixels, to tell what the page really painted: highlight styles are not in
 * the DOM, and `getComputedStyle(el, '::highlight(x)')` reports rules the browser does not
 * paint (user-origin ones in Chromium).
 */
export interface Pixels {
  width: number;
  height: number;
  /** [r, g, b] of the pixel at (x, y). */
  at(x: number, y: number): [number, number, number];
}

export function decodePng(png: Uint8Array): Pixels {
  const buffer = Buffer.from(png);
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  for (let at = 8; at < buffer.length;) {
    const length = buffer.readUInt32BE(at);
    const type = buffer.toString('latin1', at + 4, at + 8);
    const data = buffer.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const [depth, colour, , , interlace] = data.subarray(8);
      channels = colour === 6 ? 4 : colour === 2 ? 3 : 0;
      if (depth !== 8 || channels === 0 || interlace !== 0) {
        throw new Error(`unsupported PNG: depth ${depth}, colour type ${colour}`);
      }
    } else if (type === 'IDAT') {
      idat.push(data);
    }
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const left = i >= channels ? out[y * stride + i - channels]! : 0;
      const up = y > 0 ? out[(y - 1) * stride + i]! : 0;
      const upLeft = y > 0 && i >= channels ? out[(y - 1) * stride + i - channels]! : 0;
      out[y * stride + i] = (line[i]! + predict(filter!, left, up, upLeft)) & 0xff;
    }
  }
  return {
    width,
    height,
    at(x, y) {
      const i = y * stride + x * channels;
      return [out[i]!, out[i + 1]!, out[i + 2]!];
    },
  };
}

function predict(filter: number, left: number, up: number, upLeft: number): number {
  switch (filter) {
    case 0:
      return 0;
    case 1:
      return left;
    case 2:
      return up;
    case 3:
      return (left + up) >> 1;
    case 4: {
      const p = left + up - upLeft;
      const pa = Math.abs(p - left);
      const pb = Math.abs(p - up);
      const pc = Math.abs(p - upLeft);
      return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
    }
    default:
      throw new Error(`unknown PNG filter ${filter}`);
  }
}

/** How many pixels of the image are within `tolerance` of `rgb` on every channel. */
export function countColour(pixels: Pixels, rgb: [number, number, number], tolerance = 48) {
  let count = 0;
  for (let y = 0; y < pixels.height; y++) {
    for (let x = 0; x < pixels.width; x++) {
      const p = pixels.at(x, y);
      if (p.every((v, i) => Math.abs(v - rgb[i]!) <= tolerance)) count++;
    }
  }
  return count;
}
