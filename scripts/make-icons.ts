// Draws the two Teams app icons and writes them as PNG files:
//   appPackage/color.png    192×192, a calm teal rounded square with two speech bubbles
//   appPackage/outline.png   32×32, a white speech-bubble outline on a transparent background
// Usage: npx tsx scripts/make-icons.ts [output-dir]
//
// The output is deterministic: the shapes are signed distance functions sampled on a fixed 4×4 grid
// per pixel (plain arithmetic and Math.sqrt only), and the PNG encoder below writes no timestamps.
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { zlibSync } from "fflate";

export interface RgbaImage {
  width: number;
  height: number;
  /** width × height × 4 bytes, row by row, not premultiplied. */
  rgba: Uint8Array;
}

// ---------------------------------------------------------------------------------------------
// PNG encoder: 8-bit RGBA, no interlacing, filter type 0 (None) on every row, zlib via fflate.

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 as used by PNG (and zip): reflected polynomial 0xEDB88320, initial and final XOR 0xFFFFFFFF. */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function encodePng({ width, height, rgba }: RgbaImage): Uint8Array {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new Error(`invalid image size ${width}×${height}`);
  }
  if (rgba.length !== width * height * 4) throw new Error(`expected ${width * height * 4} RGBA bytes, got ${rgba.length}`);

  const ihdr = new Uint8Array(13);
  const view = new DataView(ihdr.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: truecolour with alpha
  ihdr[10] = 0; // compression: deflate
  ihdr[11] = 0; // filter method 0
  ihdr[12] = 0; // no interlace

  const stride = width * 4;
  const raw = new Uint8Array(height * (stride + 1));
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type None
    raw.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }

  const parts = [Uint8Array.from(PNG_SIGNATURE), chunk("IHDR", ihdr), chunk("IDAT", zlibSync(raw, { level: 9 })), chunk("IEND", new Uint8Array(0))];
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Shapes as signed distance functions: negative inside, positive outside, in pixels.

type Sdf = (x: number, y: number) => number;

function roundedRect(x0: number, y0: number, x1: number, y1: number, radius: number): Sdf {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const hx = (x1 - x0) / 2 - radius;
  const hy = (y1 - y0) / 2 - radius;
  return (x, y) => {
    const qx = Math.abs(x - cx) - hx;
    const qy = Math.abs(y - cy) - hy;
    const ox = Math.max(qx, 0);
    const oy = Math.max(qy, 0);
    return Math.sqrt(ox * ox + oy * oy) + Math.min(Math.max(qx, qy), 0) - radius;
  };
}

function circle(cx: number, cy: number, radius: number): Sdf {
  return (x, y) => {
    const dx = x - cx;
    const dy = y - cy;
    return Math.sqrt(dx * dx + dy * dy) - radius;
  };
}

function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const abx = bx - ax;
  const aby = by - ay;
  const t = Math.min(1, Math.max(0, ((px - ax) * abx + (py - ay) * aby) / (abx * abx + aby * aby)));
  const dx = px - (ax + t * abx);
  const dy = py - (ay + t * aby);
  return Math.sqrt(dx * dx + dy * dy);
}

function triangle(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): Sdf {
  return (x, y) => {
    const d = Math.min(segmentDistance(x, y, ax, ay, bx, by), segmentDistance(x, y, bx, by, cx, cy), segmentDistance(x, y, cx, cy, ax, ay));
    const s1 = (bx - ax) * (y - ay) - (by - ay) * (x - ax);
    const s2 = (cx - bx) * (y - by) - (cy - by) * (x - bx);
    const s3 = (ax - cx) * (y - cy) - (ay - cy) * (x - cx);
    const inside = (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
    return inside ? -d : d;
  };
}

function union(...shapes: Sdf[]): Sdf {
  return (x, y) => Math.min(...shapes.map((shape) => shape(x, y)));
}

type Rgb = readonly [number, number, number];
/** A colour for one sample point, or null where the sample is transparent. */
type Painter = (x: number, y: number) => Rgb | null;

const SAMPLES = 4; // 4×4 samples per pixel for smooth edges

function rasterize(width: number, height: number, paint: Painter): RgbaImage {
  const rgba = new Uint8Array(width * height * 4);
  const total = SAMPLES * SAMPLES;
  for (let py = 0; py < height; py++) {
    for (let px = 0; px < width; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const colour = paint(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES);
          if (!colour) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          covered++;
        }
      }
      const i = (py * width + px) * 4;
      if (covered > 0) {
        rgba[i] = Math.round(r / covered);
        rgba[i + 1] = Math.round(g / covered);
        rgba[i + 2] = Math.round(b / covered);
        rgba[i + 3] = Math.round((covered * 255) / total);
      }
    }
  }
  return { width, height, rgba };
}

// ---------------------------------------------------------------------------------------------
// The designs.

/** The app's accent colour; the manifest's accentColor uses the same value. */
export const ACCENT = "#1F7A74";
const TEAL_TOP: Rgb = [0x2b, 0x92, 0x8a];
const TEAL_BOTTOM: Rgb = [0x1a, 0x6e, 0x68];
const DOT: Rgb = [0x1f, 0x7a, 0x74];
const WHITE: Rgb = [0xff, 0xff, 0xff];
const MINT: Rgb = [0xd4, 0xf0, 0xeb];

/** 192×192: a teal rounded square (vertical gradient) with a white and a mint speech bubble. */
export function drawColorIcon(): RgbaImage {
  const size = 192;
  const background = roundedRect(0, 0, size, size, 40);
  // The large white bubble, upper left, with its tail pointing down-left and three "typing" dots.
  const bubbleA = union(roundedRect(30, 34, 126, 104, 22), triangle(46, 90, 76, 96, 36, 126));
  const dots = union(circle(56, 69, 7), circle(78, 69, 7), circle(100, 69, 7));
  // The smaller mint bubble, lower right, overlapping A; a band of background colour separates them.
  const bubbleB = union(roundedRect(76, 92, 162, 150, 20), triangle(128, 136, 152, 136, 156, 170));
  const gap = 6;

  return rasterize(size, size, (x, y) => {
    if (background(x, y) > 0) return null;
    const t = y / size;
    const teal: Rgb = [
      TEAL_TOP[0] + (TEAL_BOTTOM[0] - TEAL_TOP[0]) * t,
      TEAL_TOP[1] + (TEAL_BOTTOM[1] - TEAL_TOP[1]) * t,
      TEAL_TOP[2] + (TEAL_BOTTOM[2] - TEAL_TOP[2]) * t,
    ];
    const b = bubbleB(x, y);
    if (b <= 0) return MINT;
    if (b <= gap) return teal;
    if (bubbleA(x, y) <= 0) return dots(x, y) <= 0 ? DOT : WHITE;
    return teal;
  });
}

/**
 * A speech-bubble tail: the triangle between `tip` and the mouth points on the bubble's edge, with its
 * two sides moved `inset` pixels inwards and extended up to `topY` (inside the bubble), so that the
 * union with the bubble body leaves the mouth open.
 */
function tail(tip: readonly [number, number], left: readonly [number, number], right: readonly [number, number], topY: number, inset: number): Sdf {
  const side = (from: readonly [number, number], to: readonly [number, number], other: readonly [number, number]) => {
    const dx = to[0] - from[0];
    const dy = to[1] - from[1];
    const length = Math.sqrt(dx * dx + dy * dy);
    let nx = -dy / length;
    let ny = dx / length;
    if (nx * (other[0] - from[0]) + ny * (other[1] - from[1]) < 0) {
      nx = -nx;
      ny = -ny;
    }
    return { px: from[0] + nx * inset, py: from[1] + ny * inset, dx, dy };
  };
  const a = side(tip, left, right);
  const b = side(tip, right, left);
  // Where the two shifted sides meet (the new tip), and where each crosses y = topY.
  const t = ((b.px - a.px) * b.dy - (b.py - a.py) * b.dx) / (a.dx * b.dy - a.dy * b.dx);
  const apexX = a.px + t * a.dx;
  const apexY = a.py + t * a.dy;
  const atTop = (line: { px: number; py: number; dx: number; dy: number }) => line.px + ((topY - line.py) / line.dy) * line.dx;
  return triangle(apexX, apexY, atTop(a), topY, atTop(b), topY);
}

/** 32×32: a white speech-bubble outline with three dots; everything else fully transparent. */
export function drawOutlineIcon(): RgbaImage {
  const size = 32;
  const stroke = 2;
  const tip = [5, 29] as const;
  const mouthLeft = [7, 22] as const;
  const mouthRight = [17, 22] as const;
  const outer = union(roundedRect(3, 4, 29, 22, 6), tail(tip, mouthLeft, mouthRight, 17, 0));
  const inner = union(roundedRect(3 + stroke, 4 + stroke, 29 - stroke, 22 - stroke, 6 - stroke), tail(tip, mouthLeft, mouthRight, 17, stroke));
  const dots = union(circle(10.5, 13, 1.6), circle(16, 13, 1.6), circle(21.5, 13, 1.6));
  return rasterize(size, size, (x, y) => {
    if ((outer(x, y) <= 0 && inner(x, y) > 0) || dots(x, y) <= 0) return WHITE;
    return null;
  });
}

/** Renders both icons and writes color.png and outline.png into `dir`; returns the written paths. */
export function writeIcons(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const [name, image] of [
    ["color.png", drawColorIcon()],
    ["outline.png", drawOutlineIcon()],
  ] as const) {
    const path = join(dir, name);
    writeFileSync(path, encodePng(image));
    written.push(path);
  }
  return written;
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isMain) {
  const dir = process.argv[2] ?? fileURLToPath(new URL("../appPackage/", import.meta.url));
  for (const path of writeIcons(dir)) console.log(path);
}
