/**
 * Helpers for the CLI tests: build the CLI when its sources are newer than lib/,
 * run the real `node bin/altitude.js`, and write small workbooks with ExcelJS.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";

export const ROOT = path.resolve(__dirname, "..", "..");
export const SAMPLE = path.join(ROOT, "assets", "altitude-sample.xlsx");
const BIN = path.join(ROOT, "bin", "altitude.js");
const BUILT = path.join(ROOT, "lib", "cli", "main.js");

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : entry.name.endsWith(".ts") ? statSync(full).mtimeMs : 0);
  }
  return newest;
}

/** Compiles the CLI into lib/ unless lib/ is already newer than every source it is built from. */
export function ensureBuilt(): void {
  const sources = Math.max(...["core", "app", "workbook", "cli"].map((d) => newestSource(path.join(ROOT, "src", d))));
  if (existsSync(BUILT) && statSync(BUILT).mtimeMs >= sources) return;
  const tsc = path.join(ROOT, "node_modules", "typescript", "bin", "tsc");
  const result = spawnSync(process.execPath, [tsc, "-p", "tsconfig.cli.json"], { cwd: ROOT, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`building the CLI failed:\n${result.stdout}${result.stderr}`);
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/altitude.js ...args` in `cwd`. */
export function altitude(args: string[], cwd: string = ROOT): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function sha256(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

export type Row = Array<string | number | null>;

/** Writes a workbook of plain sheets: name → rows from A1. */
export async function writeWorkbook(file: string, sheets: Record<string, Row[]>): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = workbook.addWorksheet(name);
    rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== null) ws.getCell(r + 1, c + 1).value = value;
      }),
    );
  }
  await workbook.xlsx.writeFile(file);
}

export async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** Every non-empty cell of a sheet as its address, ExcelJS type and value. */
export function cellsOf(ws: ExcelJS.Worksheet): Array<{ address: string; type: ExcelJS.ValueType; value: ExcelJS.CellValue; row: number }> {
  const cells: Array<{ address: string; type: ExcelJS.ValueType; value: ExcelJS.CellValue; row: number }> = [];
  ws.eachRow((row, rowNumber) =>
    row.eachCell((cell) => {
      cells.push({ address: cell.address, type: cell.type, value: cell.value, row: rowNumber });
    }),
  );
  return cells;
}

/** The text a cell shows: plain strings, hyperlink and rich text. */
export function textOf(value: ExcelJS.CellValue): string {
  if (typeof value === "string") return value;
  if (value && typeof value === "object" && "richText" in value) return value.richText.map((r) => r.text).join("");
  if (value && typeof value === "object" && "hyperlink" in value) return String(value.text);
  return "";
}
