/**
 * The committed icons are exactly what scripts/make-icons.js draws, and they
 * decode to the mark: transparent rounded corners, blue field, white peak.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import nodePath from "node:path";
import zlib from "node:zlib";

interface MakeIcons {
  SIZES: number[];
  renderIcon(size: number): Buffer;
}

const { SIZES, renderIcon } = createRequire(__filename)("../../scripts/make-icons.js") as MakeIcons;
const assets = nodePath.resolve(__dirname, "..", "..", "assets");

/** RGBA of one pixel of an 8-bit RGBA PNG written with filter type 0 (as make-icons.js writes). */
function pixel(png: Buffer, x: number, y: number): number[] {
  const size = png.readUInt32BE(16);
  const chunks: Buffer[] = [];
  for (let offset = 8; offset < png.length; ) {
    const length = png.readUInt32BE(offset);
    if (png.toString("ascii", offset + 4, offset + 8) === "IDAT") chunks.push(png.subarray(offset + 8, offset + 8 + length));
    offset += length + 12;
  }
  const raw = zlib.inflateSync(Buffer.concat(chunks));
  const start = y * (size * 4 + 1) + 1 + x * 4;
  return [...raw.subarray(start, start + 4)];
}

describe("icons", () => {
  it.each(SIZES.map((size) => [size]))("assets/icon-%d.png matches what make-icons.js draws", (size) => {
    expect(fs.readFileSync(nodePath.join(assets, `icon-${size}.png`)).equals(renderIcon(size))).toBe(true);
  });

  it.each([
    ["the top-left corner is transparent", 0, 0, [0, 0, 0, 0]],
    ["the sky is brand blue", 0.5, 0.1, [15, 108, 189, 255]],
    ["the main peak is white", 0.4, 0.7, [255, 255, 255, 255]],
  ])("at 64 px, %s", (_name, fx, fy, rgba) => {
    expect(pixel(renderIcon(64), Math.floor(fx * 64), Math.floor(fy * 64))).toEqual(rgba);
  });

  it("writes valid PNG chunks: signature, IHDR first, IEND last", () => {
    const png = renderIcon(16);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.toString("ascii", 12, 16)).toBe("IHDR");
    expect(png.toString("ascii", png.length - 8, png.length - 4)).toBe("IEND");
  });
});
