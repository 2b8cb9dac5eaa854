/**
 * The mechanical parts of STYLE.md, checked over the source with the
 * TypeScript compiler so that `npm test` names every offending file:line.
 * ESLint covers some of the same ground; this makes it visible in the tests.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ts from "typescript";

const root = path.resolve(__dirname, "..");
const srcDir = path.join(root, "src");
const coreDir = path.join(srcDir, "core");

function sourceFilesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return sourceFilesUnder(full);
      return /\.tsx?$/.test(entry.name) ? [full] : [];
    })
    .sort();
}

function parse(file: string, text = fs.readFileSync(file, "utf8")): ts.SourceFile {
  const kind = file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
}

/** `src/core/x.ts:12`, relative to the repository. */
function where(source: ts.SourceFile, node: ts.Node): string {
  const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
  return `${path.relative(root, source.fileName).split(path.sep).join("/")}:${line + 1}`;
}

function walk(node: ts.Node, visit: (node: ts.Node) => void): void {
  visit(node);
  ts.forEachChild(node, (child) => walk(child, visit));
}

function isExported(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

function hasExampleTag(node: ts.Node): boolean {
  return ts.getJSDocTags(node).some((tag) => tag.tagName.text === "example");
}

/** A function declaration, or a const bound to an arrow or function expression, with its JSDoc holders. */
function functionDocHolders(statement: ts.Statement): { name: string; holders: ts.Node[] }[] {
  if (ts.isFunctionDeclaration(statement)) return [{ name: statement.name?.text ?? "default", holders: [statement] }];
  if (!ts.isVariableStatement(statement)) return [];
  return statement.declarationList.declarations.flatMap((declaration) => {
    const init = declaration.initializer;
    if (!init || !ts.isIdentifier(declaration.name)) return [];
    if (!ts.isArrowFunction(init) && !ts.isFunctionExpression(init)) return [];
    // The JSDoc of `export const f = () => …` belongs to the statement.
    return [{ name: declaration.name.text, holders: [statement, declaration] }];
  });
}

/**
 * Exported functions (declarations, consts bound to functions, and local ones named in an
 * `export { … }` list), each with whether its JSDoc has an `@example`.
 */
function exportedFunctions(source: ts.SourceFile): { name: string; node: ts.Node; documented: boolean }[] {
  const found = new Map<string, { name: string; node: ts.Node; documented: boolean }>();
  const note = (name: string, holders: ts.Node[]): void => {
    // Overloads share one name: the doc may sit on any of the declarations.
    const documented = holders.some(hasExampleTag);
    const earlier = found.get(name);
    found.set(name, { name, node: earlier?.node ?? holders[holders.length - 1], documented: documented || (earlier?.documented ?? false) });
  };
  const local = new Map<string, ts.Node[][]>();
  for (const statement of source.statements) {
    for (const { name, holders } of functionDocHolders(statement)) {
      if (isExported(statement)) note(name, holders);
      else local.set(name, [...(local.get(name) ?? []), holders]);
    }
  }
  for (const statement of source.statements) {
    if (!ts.isExportDeclaration(statement) || statement.moduleSpecifier || !statement.exportClause || !ts.isNamedExports(statement.exportClause)) continue;
    for (const element of statement.exportClause.elements) {
      const declarations = local.get((element.propertyName ?? element.name).text) ?? [];
      for (const holders of declarations) note(element.name.text, holders);
    }
  }
  return [...found.values()];
}

/** Exported functions without a JSDoc `@example`, as `file:line name`. */
function undocumentedExports(source: ts.SourceFile): string[] {
  return exportedFunctions(source)
    .filter(({ documented }) => !documented)
    .map(({ name, node }) => `${where(source, node)} ${name}`);
}

/** A React component file: a `.tsx` module exporting a function named in PascalCase (a component). */
function isComponentFile(source: ts.SourceFile): boolean {
  return source.fileName.endsWith(".tsx") && exportedFunctions(source).some(({ name }) => /^[A-Z]/.test(name));
}

const forbiddenPackages = [/^react(-.*)?$/, /^react-dom(\/.*)?$/, /^@fluentui\//, /^office(-.*)?$/, /^@microsoft\/office-js/, /^exceljs(\/.*)?$/, /^node:/, /^(fs|path|os|child_process|http|https|crypto|zlib)(\/.*)?$/];

function moduleNamesOf(source: ts.SourceFile): { node: ts.Node; name: string }[] {
  const found: { node: ts.Node; name: string }[] = [];
  walk(source, (node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ node, name: node.moduleSpecifier.text });
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
      found.push({ node, name: node.moduleReference.expression.text });
    } else if (ts.isCallExpression(node) && node.arguments.length > 0 && ts.isStringLiteral(node.arguments[0])) {
      const isRequire = ts.isIdentifier(node.expression) && node.expression.text === "require";
      if (isRequire || node.expression.kind === ts.SyntaxKind.ImportKeyword) found.push({ node, name: node.arguments[0].text });
    }
  });
  return found;
}

/** Imports in a core file of a UI, Office, file-format or Node module, or of anything outside src/core. */
function impureImports(source: ts.SourceFile): string[] {
  return moduleNamesOf(source)
    .filter(({ name }) => {
      if (name.startsWith(".")) {
        const target = path.resolve(path.dirname(source.fileName), name);
        return path.relative(coreDir, target).startsWith("..");
      }
      return forbiddenPackages.some((pattern) => pattern.test(name));
    })
    .map(({ node, name }) => `${where(source, node)} ${name}`);
}

/** `as any`, `<any>`, `debugger` and `console.` in a core file. */
function escapeHatches(source: ts.SourceFile): string[] {
  const found: string[] = [];
  walk(source, (node) => {
    if ((ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) && node.type.kind === ts.SyntaxKind.AnyKeyword) {
      found.push(`${where(source, node)} as any`);
    } else if (ts.isDebuggerStatement(node)) {
      found.push(`${where(source, node)} debugger`);
    } else if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "console") {
      found.push(`${where(source, node)} console.${node.name.text}`);
    }
  });
  return found;
}

/** `eval(…)`, `new Function(…)` and `Function(…)`: code built from strings. */
function codeFromStrings(source: ts.SourceFile): string[] {
  const found: string[] = [];
  walk(source, (node) => {
    if (!ts.isCallExpression(node) && !ts.isNewExpression(node)) return;
    const callee = node.expression;
    const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : "";
    if (name === "eval" && ts.isCallExpression(node)) found.push(`${where(source, node)} eval(`);
    if (name === "Function" && ts.isIdentifier(callee)) found.push(`${where(source, node)} ${ts.isNewExpression(node) ? "new " : ""}Function(`);
  });
  return found;
}

/** Whether an import or re-export brings in types only (`import type`, or every name marked `type`). */
function typeOnly(node: ts.Node): boolean {
  if (ts.isImportDeclaration(node)) {
    const clause = node.importClause;
    if (!clause) return false;
    if (clause.isTypeOnly) return true;
    if (clause.name) return false;
    const bindings = clause.namedBindings;
    return bindings !== undefined && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
  }
  if (ts.isExportDeclaration(node)) {
    if (node.isTypeOnly) return true;
    const clause = node.exportClause;
    return clause !== undefined && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly);
  }
  return false;
}

/** Imports in a door (task pane, ribbon, CLI) of anything from src/core but types: doors go through src/app. */
function doorCoreImports(source: ts.SourceFile): string[] {
  return moduleNamesOf(source)
    .filter(({ node, name }) => {
      if (!name.startsWith(".")) return false;
      const target = path.resolve(path.dirname(source.fileName), name);
      return !path.relative(coreDir, target).startsWith("..") && !typeOnly(node);
    })
    .map(({ node, name }) => `${where(source, node)} ${name}`);
}

describe("the checks themselves", () => {
  const sample = (text: string): ts.SourceFile => parse(path.join(coreDir, "sample.ts"), text);

  it.each([
    ["a function without JSDoc", "export function f() {}", ["src/core/sample.ts:1 f"]],
    ["JSDoc without @example", "/** Doubles. */\nexport function f() {}", ["src/core/sample.ts:2 f"]],
    ["an arrow const without @example", "/** Doubles. */\nexport const f = (x: number) => x * 2;", ["src/core/sample.ts:2 f"]],
    ["a function with @example", "/**\n * Doubles.\n * @example f(2) // 4\n */\nexport function f() {}", []],
    ["an arrow const with @example", "/** @example f(2) // 4 */\nexport const f = (x: number) => x * 2;", []],
    ["overloads documented once", "/** @example f(1) */\nexport function f(x: number): number;\nexport function f(x: string): string;\nexport function f(x: unknown) { return x; }", []],
    ["a private function", "function f() {}", []],
    ["an exported non-function const", "export const limit = 3;", []],
    ["a local function exported by name", "/** Doubles. */\nfunction f() {}\nexport { f };", ["src/core/sample.ts:2 f"]],
    ["a local function exported under another name", "function f() {}\nexport { f as g };", ["src/core/sample.ts:1 g"]],
    ["a local function with @example exported by name", "/** @example f(2) // 4 */\nfunction f() {}\nexport { f };", []],
    ["a re-export from another module", 'export { f } from "./other";', []],
  ])("exported functions: %s", (_name, text, expected) => {
    expect(undocumentedExports(sample(text))).toEqual(expected);
  });

  it.each([
    ["a .tsx exporting a component", "src/taskpane/views/Sample.tsx", "export function Sample() { return <p />; }", true],
    ["a .tsx exporting a component as a const", "src/taskpane/views/Sample.tsx", "export const Sample = () => <p />;", true],
    ["a .tsx exporting a component and a hook", "src/taskpane/views/common.tsx", "export function Section() { return <p />; }\nexport function useStyles() {}", true],
    ["a .tsx exporting hooks and a context only", "src/taskpane/app/sample.tsx", "export const Ctx = createContext(1);\nexport function useCtx() { return 1; }", false],
    ["a .tsx exporting nothing", "src/taskpane/index.tsx", "render(<p />);", false],
    ["a .ts exporting a capitalised function", "src/sheets/sample.ts", "export function Make() {}", false],
  ])("component files: %s", (_name, file, text, expected) => {
    expect(isComponentFile(parse(path.join(root, file), text))).toBe(expected);
  });

  it.each([
    ["React", 'import React from "react";', ["src/core/sample.ts:1 react"]],
    ["Fluent", 'import { Button } from "@fluentui/react-components";', ["src/core/sample.ts:1 @fluentui/react-components"]],
    ["exceljs", 'import ExcelJS from "exceljs";', ["src/core/sample.ts:1 exceljs"]],
    ["a node: module", 'import { readFileSync } from "node:fs";', ["src/core/sample.ts:1 node:fs"]],
    ["the workbook layer", 'import type { WorkbookPort } from "../workbook/port";', ["src/core/sample.ts:1 ../workbook/port"]],
    ["a re-export from outside", 'export { run } from "../cli/main";', ["src/core/sample.ts:1 ../cli/main"]],
    ["a dynamic import", 'const m = import("office-addin-mock");', ["src/core/sample.ts:1 office-addin-mock"]],
    ["a sibling core module", 'import { gradeOf } from "./scoring";', []],
    ["a core subfolder", 'import { checkWorkbook } from "./checks";', []],
  ])("core imports: %s", (_name, text, expected) => {
    expect(impureImports(sample(text))).toEqual(expected);
  });

  it.each([
    ["a value from core", 'import { parsePeriod } from "../core/periods";', ["src/cli/sample.ts:1 ../core/periods"]],
    ["a default import from core", 'import settings from "../core/settings";', ["src/cli/sample.ts:1 ../core/settings"]],
    ["a re-export of a value from core", 'export { gradeOf } from "../core/scoring";', ["src/cli/sample.ts:1 ../core/scoring"]],
    ["a dynamic import of core", 'const m = import("../core/review");', ["src/cli/sample.ts:1 ../core/review"]],
    ["a value and a type from core", 'import { parsePeriod, type PeriodOptions } from "../core/periods";', ["src/cli/sample.ts:1 ../core/periods"]],
    ["import type from core", 'import type { Period } from "../core/model";', []],
    ["every name a type", 'import { type Period, type Finding } from "../core/model";', []],
    ["the application layer", 'import { buildRollup } from "../app";', []],
  ])("door imports: %s", (_name, text, expected) => {
    expect(doorCoreImports(parse(path.join(srcDir, "cli", "sample.ts"), text))).toEqual(expected);
  });

  it.each([
    ["as any", "const x = (y as any).z;", ["src/core/sample.ts:1 as any"]],
    ["angle-bracket any", "const x = <any>y;", ["src/core/sample.ts:1 as any"]],
    ["debugger", "function f() {\n  debugger;\n}", ["src/core/sample.ts:2 debugger"]],
    ["console.log", 'console.log("hi");', ["src/core/sample.ts:1 console.log"]],
    ["as unknown", "const x = y as unknown;", []],
    ["the word in a string", 'const s = "console.log as any; debugger";', []],
  ])("escape hatches: %s", (_name, text, expected) => {
    expect(escapeHatches(sample(text))).toEqual(expected);
  });

  it.each([
    ["eval", 'eval("1 + 1");', ["src/core/sample.ts:1 eval("]],
    ["globalThis.eval", 'globalThis.eval("1");', ["src/core/sample.ts:1 eval("]],
    ["new Function", 'const f = new Function("return 1");', ["src/core/sample.ts:1 new Function("]],
    ["Function called", 'const f = Function("return 1");', ["src/core/sample.ts:1 Function("]],
    ["a method named evaluate", "const v = model.evaluate(1);", []],
    ["the word in a comment", "// never eval( here\nconst x = 1;", []],
  ])("code from strings: %s", (_name, text, expected) => {
    expect(codeFromStrings(sample(text))).toEqual(expected);
  });
});

describe("STYLE.md conventions", () => {
  const coreFiles = sourceFilesUnder(coreDir).filter((file) => !file.endsWith(".d.ts")).map((file) => parse(file));
  const allSourceFiles = sourceFilesUnder(srcDir).map((file) => parse(file));

  it("reads the source it is meant to check", () => {
    const names = coreFiles.map((source) => path.relative(coreDir, source.fileName).split(path.sep).join("/"));
    expect(names).toEqual(expect.arrayContaining(["model.ts", "scoring.ts", "checks/rules.ts", "parse/reader.ts"]));
    expect(allSourceFiles.length).toBeGreaterThan(coreFiles.length);
  });

  it("every exported function in src/ has JSDoc with an @example, but for React component files (.tsx files exporting a PascalCase function)", () => {
    const checked = allSourceFiles.filter((source) => !source.fileName.endsWith(".d.ts") && !isComponentFile(source));
    const names = checked.map((source) => path.relative(srcDir, source.fileName).split(path.sep).join("/"));
    expect(names).toEqual(expect.arrayContaining(["core/scoring.ts", "app/load.ts", "functions/functions.ts", "workbook/excel.ts", "hosts/excel-stand-in/index.ts", "sheets/server.ts", "contracts/run.ts", "cli/main.ts", "commands/commands.ts", "taskpane/app/navigation.tsx"]));
    expect(names).not.toContain("taskpane/views/Rollup.tsx");
    expect(checked.flatMap(undocumentedExports)).toEqual([]);
  });

  it("src/core imports nothing from React, Fluent, Office, exceljs, Node or outside src/core", () => {
    expect(coreFiles.flatMap(impureImports)).toEqual([]);
  });

  it("src/core has no `as any`, `debugger` or `console.` calls", () => {
    expect(coreFiles.flatMap(escapeHatches)).toEqual([]);
  });

  it("no door (task pane and its preview, ribbon, CLI, the Sheets sidebar, menu and server) imports src/core but for types: doors call src/app", () => {
    // The rest of src/sheets is the Sheets adapter, its functions and contracts, which stand where
    // src/workbook, src/functions and src/contracts do.
    const doors = ["taskpane", "commands", "cli"]
      .flatMap((dir) => sourceFilesUnder(path.join(srcDir, dir)))
      .concat(["sidebar.tsx", "menu.ts", "server.ts", "rpc.ts"].map((file) => path.join(srcDir, "sheets", file)));
    expect(doors.length).toBeGreaterThan(10);
    expect(doors.map((file) => parse(file)).flatMap(doorCoreImports)).toEqual([]);
  });

  it("no file in src/ builds code from strings (eval, new Function)", () => {
    expect(allSourceFiles.flatMap(codeFromStrings)).toEqual([]);
  });
});
