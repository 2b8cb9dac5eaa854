#!/usr/bin/env node
"use strict";
// `npm stop`: undoes `npm start`. Stops the Excel desktop sideload where
// office-addin-debugging is available, and ends the development server that
// start.js recorded (only that process and its children).
const { spawnSync } = require("node:child_process");
const { root, readState, clearState, isDevServer, canSideload, binCommand } = require("./dev-server-state");

function stopSideload() {
  const result = spawnSync(binCommand("office-addin-debugging"), ["stop", "manifest.xml"], {
    cwd: root,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  return result.status ?? 1;
}

function stopDevServer() {
  const state = readState();
  if (!state || !isDevServer(state.pid)) {
    clearState();
    console.log("No development server started by `npm start` is running.");
    return 0;
  }
  if (process.platform === "win32") {
    spawnSync("taskkill", ["/pid", String(state.pid), "/t", "/f"], { stdio: "inherit" });
  } else {
    try {
      // start.js made the server a process group leader: end the group, i.e. the server and its children.
      process.kill(-state.pid, "SIGTERM");
    } catch {
      process.kill(state.pid, "SIGTERM");
    }
  }
  clearState();
  console.log(`Stopped the development server (pid ${state.pid}).`);
  return 0;
}

const sideloadStatus = canSideload() ? stopSideload() : 0;
const serverStatus = stopDevServer();
process.exit(sideloadStatus || serverStatus);
