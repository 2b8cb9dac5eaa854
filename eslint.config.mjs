// ESLint: TypeScript rules, the Office add-in rules (no context.sync() in loops,
// load before read), React hooks rules, the purity rule for src/core, and no
// import cycle in src/, no value import of src/core in a door, and no spreading
// into a call outside tests.
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import reactHooks from "eslint-plugin-react-hooks";
import { importX, createNodeResolver } from "eslint-plugin-import-x";
import { readFileSync } from "node:fs";

const noSpread = JSON.parse(readFileSync(new URL("./eslint.no-spread.json", import.meta.url), "utf8"));

const officeRules = Object.fromEntries(
  Object.keys(officeAddins.rules).map((rule) => [`office-addins/${rule}`, "error"]),
);

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "lib/", "coverage/", "test-output/", "**/*.js", "**/*.mjs"] },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins, "react-hooks": reactHooks },
    rules: {
      ...officeRules,
      "office-addins/no-office-initialize": "off",
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-debugger": "error",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // No module of src/ may reach itself again through its imports: a cycle hides
    // which module depends on which and breaks the order modules start in.
    files: ["src/**/*.{ts,tsx}"],
    plugins: { "import-x": importX },
    settings: {
      "import-x/resolver-next": [createNodeResolver({ extensions: [".ts", ".tsx", ".js", ".json"] })],
      // The modules a file imports are read with the TypeScript parser too, so the rule can follow them.
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx"] },
      "import-x/extensions": [".ts", ".tsx", ".js"],
    },
    rules: { "import-x/no-cycle": ["error", { ignoreExternal: true }] },
  },
  {
    // The core is pure: no Office.js, React, Fluent, DOM or Node I/O.
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["react", "react-*", "@fluentui/*", "@microsoft/office-js", "exceljs", "node:*", "fs", "path"], message: "src/core is pure: no Office, React, DOM or I/O." },
            { group: ["../workbook/*", "../functions/*", "../commands/*", "../taskpane/*", "../cli/*"], message: "src/core depends on nothing outside it." },
          ],
        },
      ],
      "no-restricted-globals": ["error", "window", "document", "Office", "Excel", "localStorage", "fetch", "process"],
    },
  },
  {
    // The doors gather input, call src/app and word its result: they take types from
    // src/core but never call it (src/app owns every default and decision). The Sheets
    // adapter, its functions and contracts stand where src/workbook and src/functions do.
    files: ["src/taskpane/**/*.{ts,tsx}", "src/commands/**/*.ts", "src/cli/**/*.ts", "src/sheets/{sidebar,menu,server,rpc}.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/core", "**/core/**"],
              allowTypeImports: true,
              message: "A door imports src/core only for types: call src/app (vocabulary.ts re-exports what a door may show).",
            },
          ],
        },
      ],
    },
  },
  {
    // `f(...rows)` puts every element on the call stack: fine for ten items, a
    // RangeError at about 120,000. Loop over data-sized arrays instead; a spread of
    // a handful of fixed items may stay with a disable comment that says why.
    // The rule lives in a JSON file so its test can load the very same rule.
    files: noSpread.files,
    ignores: noSpread.ignores,
    rules: { "no-restricted-syntax": ["error", { selector: noSpread.selector, message: noSpread.message }] },
  },
);
