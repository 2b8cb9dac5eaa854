#!/usr/bin/env node
"use strict";
// `npm run bench`: runs bench/run.ts with tsx. Each benchmark runs in its own
// child process with a heap large enough for a million key result rows.
const { spawnSync } = require("node:child_process");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const result = spawnSync(
  process.execPath,
  ["--max-old-space-size=20480", require.resolve("tsx/cli", { paths: [root] }), path.join(root, "bench", "run.ts"), ...process.argv.slice(2)],
  { cwd: root, stdio: "inherit" },
);
process.exit(result.status ?? 1);
