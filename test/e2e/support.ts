/**
 * Support for the browser tests: a tiny static server for dist/ on 127.0.0.1,
 * and Debian's Chromium driven by playwright-core (never a browser download).
 */
import * as fs from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as path from "node:path";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";

export const DIST = path.resolve(__dirname, "../../dist");
export const SCREENSHOTS = path.resolve(__dirname, "../../test-output/screenshots");
export const AXE = require.resolve("axe-core/axe.min.js");
/** Where the test server serves axe-core, beside the add-in. */
export const AXE_URL = "/__test__/axe.min.js";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".map": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Serves `root` on 127.0.0.1 at a random free port, plus `extra` files by URL path. */
export async function serveStatic(root: string, extra: Record<string, string> = {}): Promise<StaticServer> {
  const server = http.createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    const file = extra[pathname] ?? path.join(root, path.normalize(pathname).replace(/^(\.\.[/\\])+/, ""));
    if (!(pathname in extra || file.startsWith(root)) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      response.writeHead(404).end("not found");
      return;
    }
    response.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function chromiumPath(): string {
  return process.env.ALTITUDE_CHROMIUM || "/usr/bin/chromium";
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
}

/** The server and browser a file of preview tests shares. */
export interface PreviewHost {
  server: StaticServer;
  browser: Browser;
}

/**
 * Serves dist/ (with axe-core) and starts Chromium once for a file's tests, and
 * closes both after them. `folder`, when given, is where the file saves screenshots.
 */
export function previewHost(folder?: string): PreviewHost {
  const host = {} as PreviewHost;
  beforeAll(async () => {
    if (!fs.existsSync(path.join(DIST, "preview.html"))) throw new Error("dist/preview.html is missing: run `npx webpack --mode development` (npm test builds it).");
    if (folder) fs.mkdirSync(folder, { recursive: true });
    host.server = await serveStatic(DIST, { [AXE_URL]: AXE });
    host.browser = await launchChromium();
  });
  afterAll(async () => {
    await host.browser?.close();
    await host.server?.close();
  });
  return host;
}

/**
 * Opens the preview in a new page once the pane's host is ready; the page's
 * uncaught errors are added to `errors`, which each test expects to stay empty.
 */
export async function openPreview(host: PreviewHost, viewport: { width: number; height: number }, errors: string[]): Promise<Page> {
  const page = await host.browser.newPage({ viewport });
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(`${host.server.url}/preview.html`);
  await page.waitForFunction(() => window.__altitude !== undefined);
  return page;
}

/** A page of the preview that each test of a file opens afresh: see {@link previewPage}. */
export interface PreviewPage {
  /** The current test's page. */
  readonly page: Page;
  /** The task pane on it. */
  pane(): Locator;
}

/**
 * Opens the preview before each test of a file, once the pane shows its
 * recognised sheets, and closes it after, expecting no uncaught page error.
 */
export function previewPage(host: PreviewHost, viewport: { width: number; height: number }): PreviewPage {
  let page: Page | null = null;
  let errors: string[] = [];
  const preview: PreviewPage = {
    get page(): Page {
      if (!page) throw new Error("the preview page is opened before each test");
      return page;
    },
    pane: () => preview.page.getByRole("complementary", { name: "Altitude task pane" }),
  };
  beforeEach(async () => {
    errors = [];
    page = await openPreview(host, viewport, errors);
    await preview.pane().getByRole("heading", { name: "Recognised sheets" }).waitFor();
  });
  afterEach(async () => {
    await page?.close();
    page = null;
    expect(errors).toEqual([]);
  });
  return preview;
}

