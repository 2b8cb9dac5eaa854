"use strict";
// Where `npm start` records the development server it left running, so that
// `npm stop` can end exactly that process and nothing else.
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const stateDir = path.join(root, "node_modules", ".cache", "altitude");
const stateFile = path.join(stateDir, "dev-server.json");
const logFile = path.join(stateDir, "dev-server.log");

function readState() {
  try {
    return JSON.parse(fs.readFileSync(stateFile, "utf8"));
  } catch {
    return null;
  }
}

function writeState(state) {
  fs.mkdirSync(stateDir, { recursive: true });
  fs.writeFileSync(stateFile, `${JSON.stringify(state, null, 2)}\n`);
}

function clearState() {
  fs.rmSync(stateFile, { force: true });
}

/** Whether `pid` is alive and, where the process table can be read, still a webpack process. */
function isDevServer(pid) {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const cmdline = `/proc/${pid}/cmdline`;
  if (!fs.existsSync(cmdline)) return true;
  return fs.readFileSync(cmdline, "utf8").includes("webpack");
}

/** Whether an office-addin-debugging install can sideload into Excel desktop here. */
function canSideload() {
  if (process.platform !== "win32" && process.platform !== "darwin") return false;
  try {
    require.resolve("office-addin-debugging/package.json", { paths: [root] });
    return true;
  } catch {
    return false;
  }
}

/** Runs an installed package binary from node_modules/.bin. */
function binCommand(name) {
  const suffix = process.platform === "win32" ? ".cmd" : "";
  return path.join(root, "node_modules", ".bin", name + suffix);
}

module.exports = { root, logFile, readState, writeState, clearState, isDevServer, canSideload, binCommand };
