#!/usr/bin/env node
"use strict";
// The README's test command: build the add-in once (the manifest, functions.json
// and browser tests check the real build output), run every jest project, then
// close with one plain "N passed, N failed" line.
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const resultsFile = path.join(root, "test-output", "jest-results.json");
const bin = (name) => path.join(root, "node_modules", ".bin", name);

function run(cmd, args) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: "inherit" });
  return result.status ?? 1;
}

if (!process.argv.includes("--no-build")) {
  console.log("Building the add-in (webpack, development mode) ...");
  if (run(bin("webpack"), ["--mode", "development"]) !== 0) {
    console.log("0 passed, 1 failed");
    process.exit(1);
  }
  console.log("Building the Google Sheets edition (development build, with the contract-test menu) ...");
  if (run(bin("webpack"), ["--config", "webpack.sheets.config.js", "--env", "development"]) !== 0) {
    console.log("0 passed, 1 failed");
    process.exit(1);
  }
  if (run(bin("tsc"), ["-p", "tsconfig.cli.json"]) !== 0) {
    console.log("0 passed, 1 failed");
    process.exit(1);
  }
}

fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
fs.rmSync(resultsFile, { force: true });
const extra = process.argv.slice(2).filter((arg) => arg !== "--no-build");
const status = run(bin("jest"), ["--json", `--outputFile=${resultsFile}`, ...extra]);

let passed = 0;
let failed = 0;
if (fs.existsSync(resultsFile)) {
  const results = JSON.parse(fs.readFileSync(resultsFile, "utf8"));
  passed = results.numPassedTests;
  // A suite that fails to load has no failed tests of its own: count it as one.
  failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
} else {
  failed = 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(status !== 0 && failed === 0 ? 1 : status);
