#!/usr/bin/env node
"use strict";
// The CLI is compiled by `npm install` (the `prepare` script) into lib/.
let runProcess;
try {
  ({ runProcess } = require("../lib/cli/main.js"));
} catch (error) {
  if (error && error.code === "MODULE_NOT_FOUND") {
    process.stderr.write("altitude: the CLI is not built yet; run `npm install` (or `npm run prepare`) first\n");
    process.exit(2);
  }
  throw error;
}
runProcess(process.argv.slice(2));
