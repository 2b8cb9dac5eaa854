/**
 * Spreading a data-sized array into a call (`Math.max(...rows)`) puts every
 * element on the call stack and throws "Maximum call stack size exceeded" at about
 * 120,000 elements. The lint rule (eslint.no-spread.json, wired into
 * eslint.config.mjs and so into `npm run lint`) forbids it outside tests; these
 * tests run that same rule through ESLint's Linter to prove it fires where it
 * should and that the source is clean.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { Linter } from "eslint";
import tseslint from "typescript-eslint";

const root = path.resolve(__dirname, "..", "..");
const rule = JSON.parse(fs.readFileSync(path.join(root, "eslint.no-spread.json"), "utf8")) as {
  files: string[];
  ignores: string[];
  selector: string;
  message: string;
};

const config: Linter.Config[] = [
  { files: ["**/*.ts", "**/*.tsx"], languageOptions: { parser: tseslint.parser } },
  { files: rule.files, ignores: rule.ignores, rules: { "no-restricted-syntax": ["error", { selector: rule.selector, message: rule.message }] } },
];
const linter = new Linter({ cwd: root });

function spreadErrors(code: string, file: string): string[] {
  return linter
    .verify(code, config, path.join(root, file))
    .filter((m) => m.ruleId === "no-restricted-syntax" || m.fatal)
    .map((m) => `${file}:${m.line}: ${m.message}`);
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe("the no-spread-into-a-call lint rule", () => {
  it.each([
    ["Math.max over rows in src/core", "export const top = (rows: number[]) => Math.max(...rows);\n", "src/core/probe.ts", 1],
    ["push(...cells) in src/workbook", "export function add(a: number[], b: number[]) { a.push(...b); }\n", "src/workbook/probe.ts", 1],
    ["a spread into new in src/cli", "export const m = (a: Array<[number, number]>) => new Map(...[a]);\n", "src/cli/probe.ts", 1],
    ["a spread in a script", "export const m = (a: number[]) => Math.min(...a);\n", "scripts/probe.ts", 1],
    ["a spread in a task pane component", "export const m = (a: number[]) => Math.min(...a);\n", "src/taskpane/views/Probe.tsx", 1],
    ["an array literal spread (no call stack involved)", "export const join = (a: number[], b: number[]) => [...a, ...b];\n", "src/core/probe.ts", 0],
    ["a loop instead", "export function top(rows: number[]) { let m = -Infinity; for (const r of rows) if (r > m) m = r; return m; }\n", "src/core/probe.ts", 0],
    ["a test spreading a small fixture", "export const m = (a: number[]) => Math.max(...a);\n", "test/core/probe.test.ts", 0],
  ])("%s", (_name, code, file, expected) => {
    expect(spreadErrors(code, file)).toHaveLength(expected);
  });

  it("finds no spread into a call in src/, scripts/ or bench/", () => {
    const files = ["src", "scripts", "bench"].flatMap((dir) => sourceFiles(path.join(root, dir)));
    expect(files.length).toBeGreaterThan(50);
    const offending = files.flatMap((file) => spreadErrors(fs.readFileSync(file, "utf8"), path.relative(root, file)));
    expect(offending).toEqual([]);
  });
});
