#!/usr/bin/env node
"use strict";
// `npm start`. Where Excel desktop can be driven (Windows, macOS with
// office-addin-debugging installed) this sideloads the add-in, as Microsoft's
// templates do. Elsewhere it builds dist/, leaves the development server
// running in the background, prints the browser preview URL and how to load
// the manifest into Excel on the web, and opens the preview when there is a display.
const fs = require("node:fs");
const http = require("node:http");
const https = require("node:https");
const path = require("node:path");
const { spawn, spawnSync } = require("node:child_process");
const { root, logFile, readState, writeState, clearState, isDevServer, canSideload, binCommand } = require("./dev-server-state");

const PORT = Number(process.env.npm_package_config_dev_server_port) || 3000;
const READY_TIMEOUT_MS = 90_000;
const webpackCli = require.resolve("webpack-cli/bin/cli.js", { paths: [root] });

function sideload() {
  const result = spawnSync(binCommand("office-addin-debugging"), ["start", "manifest.xml"], {
    cwd: root,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  process.exit(result.status ?? 1);
}

function build() {
  console.log("Building the add-in (development) ...");
  const result = spawnSync(process.execPath, [webpackCli, "--mode", "development"], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) {
    console.error("The build failed; see the errors above.");
    process.exit(1);
  }
}

/** Resolves to "https" or "http" once the server answers on either, or null if it does not. */
function probe() {
  const attempt = (client, protocol) =>
    new Promise((resolve) => {
      const request = client.get(
        { host: "localhost", port: PORT, path: "/taskpane.html", rejectUnauthorized: false, timeout: 2000 },
        (response) => {
          response.resume();
          resolve(response.statusCode === 200 ? protocol : null);
        },
      );
      request.on("timeout", () => request.destroy());
      request.on("error", () => resolve(null));
    });
  return attempt(https, "https").then((found) => found ?? attempt(http, "http"));
}

function startServer() {
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const log = fs.openSync(logFile, "w");
  const child = spawn(process.execPath, [webpackCli, "serve", "--mode", "development"], {
    cwd: root,
    detached: true,
    stdio: ["ignore", log, log],
  });
  child.unref();
  writeState({ pid: child.pid, port: PORT, startedAt: new Date().toISOString() });
  return child;
}

async function waitForServer(child) {
  let exited = false;
  child.on("exit", () => {
    exited = true;
  });
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline && !exited) {
    const protocol = await probe();
    if (protocol) return protocol;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return null;
}

function hasDisplay() {
  if (process.env.BROWSER === "none" || process.env.CI) return false;
  if (process.platform === "win32" || process.platform === "darwin") return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

/** Best effort: a missing opener or a headless machine is not an error. */
function openBrowser(url) {
  if (!hasDisplay()) return;
  const [command, args] =
    process.platform === "win32" ? ["cmd", ["/c", "start", '""', url]] : [process.platform === "darwin" ? "open" : "xdg-open", [url]];
  try {
    const opener = spawn(command, args, { detached: true, stdio: "ignore" });
    opener.on("error", () => undefined);
    opener.unref();
  } catch {
    // Nothing to do: the URL is printed anyway.
  }
}

function printInstructions(protocol) {
  const base = `${protocol}://localhost:${PORT}/`;
  const page = fs.existsSync(path.join(root, "dist", "preview.html")) ? "preview.html" : "taskpane.html";
  const previewUrl = base + page;
  console.log("");
  console.log(`Altitude is being served at ${base}`);
  console.log(`  Browser preview:   ${previewUrl}`);
  console.log("  Excel on the web:  open a workbook, choose Insert > Add-ins > Upload My Add-in");
  console.log(`                     (or Home > Add-ins > More Add-ins > Upload My Add-in) and pick ${path.join("dist", "manifest.xml")}`);
  if (protocol === "http") {
    console.log("");
    console.log("  Note: served over http because no trusted development certificate was found.");
    console.log("  The preview works; Excel needs https. Run `npx office-addin-dev-certs install`, then `npm stop` and `npm start`.");
  }
  console.log(`  Server log:        ${path.relative(root, logFile)}`);
  console.log("  Stop it with:      npm stop");
  openBrowser(previewUrl);
}

async function main() {
  if (canSideload()) return sideload();

  const state = readState();
  if (state && isDevServer(state.pid)) {
    const protocol = await probe();
    if (protocol) {
      console.log(`The development server started earlier is still running (pid ${state.pid}).`);
      return printInstructions(protocol);
    }
  }
  clearState();

  build();
  console.log(`Starting the development server on port ${PORT} ...`);
  const child = startServer();
  const protocol = await waitForServer(child);
  if (!protocol) {
    console.error(`The development server did not start. Last lines of ${path.relative(root, logFile)}:`);
    console.error(fs.readFileSync(logFile, "utf8").split("\n").slice(-20).join("\n"));
    if (isDevServer(child.pid)) process.kill(child.pid);
    clearState();
    process.exit(1);
  }
  printInstructions(protocol);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
