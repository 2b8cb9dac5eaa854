/**
 * Surface checks: no dynamic code and no HTML injection anywhere in src/, no
 * network call at run time, a Content-Security-Policy on every page that allows
 * only the add-in's own origin and Office's script, and no high or critical
 * advisory for the production dependencies (when the registry's audit service
 * can be reached).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..");
const SRC = path.join(ROOT, "src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|js|html)$/.test(entry.name) ? [full] : [];
  });
}

/** The code of a file without its comments, so a comment naming `fetch` is not a finding. */
function codeOf(file: string): string {
  return readFileSync(file, "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/(^|[^:"'`])\/\/.*$/gm, "$1")
    .replace(/<!--[\s\S]*?-->/g, "");
}

/**
 * The browser preview (not the add-in) loads the sample workbook it ships with
 * from its own origin, which its policy allows (connect-src 'self').
 */
const SAME_ORIGIN_FETCH = { file: "src/taskpane/preview/sample.ts", caller: "src/taskpane/preview.tsx" };

const FORBIDDEN: Array<{ name: string; pattern: RegExp }> = [
  { name: "eval", pattern: /\beval\s*\(/ },
  { name: "new Function", pattern: /\bnew\s+Function\s*\(/ },
  { name: "string timers", pattern: /\bset(Timeout|Interval)\s*\(\s*["'`]/ },
  { name: "innerHTML / outerHTML", pattern: /\.(inner|outer)HTML\s*=|insertAdjacentHTML\s*\(/ },
  { name: "dangerouslySetInnerHTML", pattern: /dangerouslySetInnerHTML/ },
  { name: "document.write", pattern: /document\.write(ln)?\s*\(/ },
  { name: "fetch", pattern: /\bfetch\s*\(/ },
  { name: "XMLHttpRequest", pattern: /\bXMLHttpRequest\b/ },
  { name: "WebSocket", pattern: /\bWebSocket\b/ },
  { name: "sendBeacon", pattern: /\bsendBeacon\b/ },
  { name: "EventSource", pattern: /\bnew\s+EventSource\b/ },
  { name: "Node network modules", pattern: /from\s+["'](node:)?(http|https|net|tls|dgram)["']|require\(\s*["'](node:)?(http|https|net|tls|dgram)["']\s*\)/ },
  { name: "dynamic script URLs", pattern: /\bimportScripts\s*\(|\.src\s*=\s*["'`]https?:/ },
];

describe("source surface", () => {
  const files = sourceFiles(SRC);

  it("scans the whole of src/", () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(FORBIDDEN)("no $name in src/", ({ name, pattern }) => {
    const hits = files
      .map((file) => path.relative(ROOT, file).split(path.sep).join("/"))
      .filter((file) => pattern.test(codeOf(path.join(ROOT, file))))
      .filter((file) => !(name === "fetch" && file === SAME_ORIGIN_FETCH.file));
    expect(hits).toEqual([]);
  });

  it("the one fetch, in the browser preview, reads the bundled sample from the page's own origin", () => {
    const preview = codeOf(path.join(ROOT, SAME_ORIGIN_FETCH.caller));
    const url = /SAMPLE_URL\s*=\s*([^;]+);/.exec(preview)?.[1] ?? "";
    expect(url).not.toMatch(/https?:|\/\//);
    expect(preview).toMatch(/loadSample\(SAMPLE_URL\)/);
  });

  it("loads no script from anywhere but Office's CDN in the page template", () => {
    const html = readFileSync(path.join(SRC, "taskpane", "taskpane.html"), "utf8");
    const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts.every((src) => src.startsWith("https://appsforoffice.microsoft.com/"))).toBe(true);
  });
});

/** Parses a CSP into directive → sources. */
function directives(csp: string): Record<string, string[]> {
  return Object.fromEntries(
    csp
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name, sources]),
  );
}

function cspOf(html: string): string | null {
  // A production build minifies the page and drops the quotes around attribute values that need none.
  const meta = /<meta[^>]*http-equiv=["']?Content-Security-Policy["']?[^>]*content="([^"]+)"/is.exec(html);
  return meta ? meta[1] : null;
}

const OFFICE = "https://appsforoffice.microsoft.com";

function expectStrictPolicy(csp: string): void {
  const d = directives(csp);
  expect(d["default-src"]).toEqual(["'self'"]);
  expect(d["connect-src"]).toEqual(["'self'"]);
  expect(d["object-src"]).toEqual(["'none'"]);
  // Scripts: only the add-in itself and, where Office.js is loaded, Office's CDN; never inline or eval.
  expect(d["script-src"].filter((s) => s !== "'self'" && s !== OFFICE)).toEqual([]);
  for (const [name, sources] of Object.entries(d)) {
    expect({ name, wildcard: sources.some((s) => s === "*" || s.includes("*") || s === "http:" || s === "https:") }).toEqual({ name, wildcard: false });
    if (name !== "style-src") expect({ name, unsafe: sources.filter((s) => s.startsWith("'unsafe")) }).toEqual({ name, unsafe: [] });
  }
}

describe("Content-Security-Policy", () => {
  it("the task pane template allows only its own origin and Office's script", () => {
    const html = readFileSync(path.join(SRC, "taskpane", "taskpane.html"), "utf8");
    // The template adds Office's CDN only when the page loads Office.js; check the policy both ways.
    const template = cspOf(html);
    expect(template).not.toBeNull();
    const conditional = /<%[^%]*officeJs[^%]*%>([^<]*)<%[^%]*%>/;
    expect(template).toMatch(conditional);
    expectStrictPolicy(template!.replace(conditional, "$1"));
    expectStrictPolicy(template!.replace(conditional, ""));
  });

  const built = ["taskpane.html", "preview.html"].map((name) => path.join(ROOT, "dist", name)).filter((file) => existsSync(file));

  (built.length ? it.each(built) : it.skip.each(["dist/ (not built: run npm run build:dev)"]))("built page %s carries the strict policy", (file) => {
    const csp = cspOf(readFileSync(file, "utf8"));
    expect(csp).not.toBeNull();
    expectStrictPolicy(csp!);
  });
});

/**
 * `npm audit` needs the registry's advisory service. Where it cannot be reached
 * (no network, or a mirror without the audit endpoint), the test is skipped and
 * says why rather than failing for the network's sake.
 */
function audit(): { reachable: true; counts: Record<string, number> } | { reachable: false; reason: string } {
  if (process.env.ALTITUDE_SKIP_AUDIT) return { reachable: false, reason: "ALTITUDE_SKIP_AUDIT is set" };
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const result = spawnSync(npm, ["audit", "--omit=dev", "--json"], { cwd: ROOT, encoding: "utf8", timeout: 45_000 });
  try {
    const body = JSON.parse(result.stdout) as { metadata?: { vulnerabilities?: Record<string, number> }; error?: { summary?: string }; message?: string };
    if (body.metadata?.vulnerabilities) return { reachable: true, counts: body.metadata.vulnerabilities };
    return { reachable: false, reason: body.message ?? body.error?.summary ?? "no audit report" };
  } catch {
    return { reachable: false, reason: result.error ? result.error.message : (result.stderr.split("\n").find((l) => l.includes("error")) ?? "no audit report") };
  }
}

describe("supply chain", () => {
  const report = audit();
  if (report.reachable) {
    it("npm audit --omit=dev finds no high or critical advisory", () => {
      expect({ high: report.counts.high ?? 0, critical: report.counts.critical ?? 0 }).toEqual({ high: 0, critical: 0 });
    });
  } else {
    it.skip(`npm audit --omit=dev (skipped: the audit service is not reachable: ${report.reason.slice(0, 120)})`, () => undefined);
  }
});
