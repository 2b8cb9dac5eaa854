// Builds the Google Sheets edition into dist-sheets/: an Apps Script project a
// person pushes with clasp. Code.js is the server (custom functions, menu,
// sidebar calls) as one unminified file whose global functions are top-level
// declarations carrying their JSDoc; Sidebar.html is the task pane's React app
// with its script inlined (Apps Script serves no other files).
const path = require("node:path");
const webpack = require("webpack");
const GasPlugin = require("gas-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const HtmlInlineScriptPlugin = require("html-inline-script-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const outDir = path.resolve(__dirname, "dist-sheets");
const tsRule = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: { loader: "ts-loader", options: { transpileOnly: true, configFile: path.resolve(__dirname, "tsconfig.json") } },
};

module.exports = (env = {}) => {
  // The development build adds "Run contract tests" to the menu, for a person to confirm the stand-in.
  const development = Boolean(env.development);
  // The test build skips minifying the sidebar (it is the slow step); the shipped one is minified.
  const common = {
    mode: development ? "development" : "production",
    devtool: false,
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: { rules: [tsRule] },
    performance: { hints: false },
  };
  const server = {
    ...common,
    name: "server",
    entry: { Code: "./src/sheets/server.ts" },
    target: ["web", "es2019"],
    output: { path: outDir, filename: "[name].js", clean: true },
    // Unminified, so each function keeps its JSDoc and stays readable in the Apps Script editor.
    optimization: { minimize: false, concatenateModules: true },
    plugins: [
      new webpack.DefinePlugin({ ALTITUDE_DEVELOPMENT: JSON.stringify(development) }),
      // Apps Script reads the scope annotation from a comment in the project's code.
      new webpack.BannerPlugin({ banner: "/** @OnlyCurrentDoc */", raw: true, entryOnly: true }),
      new GasPlugin({ comment: true }),
      new CopyWebpackPlugin({ patterns: [{ from: "src/sheets/appsscript.json", to: "appsscript.json" }] }),
    ],
  };
  const sidebar = {
    ...common,
    name: "sidebar",
    dependencies: ["server"],
    entry: { sidebar: "./src/sheets/sidebar.tsx" },
    target: ["web", "es2019"],
    output: { path: outDir, filename: "[name].js", clean: false },
    plugins: [
      new HtmlWebpackPlugin({ filename: "Sidebar.html", template: "./src/sheets/sidebar.html", inject: "body", scriptLoading: "blocking", minify: false }),
      new HtmlInlineScriptPlugin(),
      // Only Sidebar.html goes to Apps Script; the separate script file would be pushed as nothing useful.
      { apply: (compiler) => compiler.hooks.thisCompilation.tap("DropInlined", (compilation) => compilation.hooks.processAssets.tap({ name: "DropInlined", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE + 1 }, () => compilation.deleteAsset("sidebar.js"))) },
    ],
  };
  return [server, sidebar];
};
