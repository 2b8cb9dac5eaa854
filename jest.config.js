// Three projects: pure code in node, React components in jsdom, and the
// end-to-end browser tests that drive the built task pane in Chromium.
const transform = { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "<rootDir>/tsconfig.test.json" }] };

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      displayName: "core",
      testEnvironment: "node",
      transform,
      testMatch: ["<rootDir>/test/**/*.test.ts", "<rootDir>/src/**/*.test.ts"],
      testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/e2e/", "<rootDir>/test/taskpane/"],
    },
    {
      displayName: "dom",
      testEnvironment: "jsdom",
      transform,
      // The chart library's d3 modules ship as ES modules only; their UMD builds load in jest's CommonJS.
      moduleNameMapper: { "^(d3-[a-z-]+)$": "<rootDir>/node_modules/$1/dist/$1.js" },
      testMatch: ["<rootDir>/test/taskpane/**/*.test.ts?(x)", "<rootDir>/src/taskpane/**/*.test.tsx"],
    },
    {
      displayName: "e2e",
      testEnvironment: "node",
      transform,
      testMatch: ["<rootDir>/test/e2e/**/*.test.ts"],
    },
  ],
};
