/**
 * `npm run lint` refuses a door (task pane, ribbon, CLI, the Sheets sidebar,
 * menu and server) that imports a value from src/core: doors call src/app and
 * take only types from the core. The rule is the one in eslint.config.mjs, run
 * through ESLint itself in a child process (the config is an ES module, which
 * jest's CommonJS cannot load), once for every case below.
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";

const root = path.resolve(__dirname, "..");

interface Case {
  name: string;
  file: string;
  code: string;
  refused: boolean;
}

const VALUE = 'import { parseA1 } from "CORE/address";\nexport const at = parseA1;\n';
const TYPE = 'import type { Period } from "CORE/model";\nexport type Shown = Period;\n';
const INLINE_TYPE = 'import { type Period } from "CORE/model";\nexport type Shown = Period;\n';
const APP = 'import { parseA1 } from "APP";\nexport const at = parseA1;\n';

/** The code as a file at `file` would write it: CORE and APP become relative paths to src/core and src/app. */
function at(file: string, code: string): string {
  const from = path.dirname(path.join(root, file));
  const rel = (to: string) => path.relative(from, path.join(root, to)).split(path.sep).join("/");
  return code.replace(/CORE/g, rel("src/core")).replace(/APP/g, rel("src/app"));
}

const CASES: Case[] = [
  { name: "a task pane view importing a core function", file: "src/taskpane/views/Probe.tsx", code: VALUE, refused: true },
  { name: "the browser preview importing a core function", file: "src/taskpane/preview/probe.ts", code: VALUE, refused: true },
  { name: "a ribbon command importing a core function", file: "src/commands/probe.ts", code: VALUE, refused: true },
  { name: "the CLI importing a core function", file: "src/cli/probe.ts", code: VALUE, refused: true },
  { name: "the Sheets sidebar importing a core function", file: "src/sheets/sidebar.tsx", code: VALUE, refused: true },
  { name: "a view importing a core type", file: "src/taskpane/views/Probe.tsx", code: TYPE, refused: false },
  { name: "the CLI importing a core type inline", file: "src/cli/probe.ts", code: INLINE_TYPE, refused: false },
  { name: "a view importing the application layer", file: "src/taskpane/views/Probe.tsx", code: APP, refused: false },
  { name: "the application layer importing a core function", file: "src/app/probe.ts", code: VALUE, refused: false },
  { name: "the Sheets adapter importing a core function", file: "src/sheets/adapter.ts", code: VALUE, refused: false },
];

const SCRIPT = `
import { ESLint } from "eslint";
const cases = JSON.parse(process.argv[1]);
const eslint = new ESLint({ cwd: process.cwd() });
const out = [];
for (const c of cases) {
  const [result] = await eslint.lintText(c.code, { filePath: c.file });
  out.push(result.messages.filter((m) => m.ruleId === "no-restricted-imports" || m.fatal).map((m) => m.message));
}
process.stdout.write(JSON.stringify(out));
`;

let messages: string[][] = [];

beforeAll(() => {
  const input = CASES.map((c) => ({ file: path.join(root, c.file), code: at(c.file, c.code) }));
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", SCRIPT, JSON.stringify(input)], { cwd: root, encoding: "utf8" });
  if (run.status !== 0) throw new Error(run.stderr);
  messages = JSON.parse(run.stdout) as string[][];
}, 120_000);

describe("the lint rule that keeps src/core out of the doors but for types", () => {
  it.each(CASES.map((c, index) => ({ ...c, index })))("$name: refused $refused", ({ index, refused }) => {
    const found = messages[index];
    expect(found).toEqual(refused ? [expect.stringMatching(/^'[./]+\/core\/address' import is restricted .*A door imports src\/core only for types/)] : []);
  });
});
