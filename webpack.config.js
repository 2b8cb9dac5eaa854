// Builds the add-in into dist/: one taskpane.html page that hosts the task pane,
// the custom functions and the ribbon commands in Office's shared runtime, the
// generated functions.json, the icons and the manifest. Production builds point
// the manifest at ADDIN_URL.
const fs = require("node:fs");
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { manifestForUrl } = require("./scripts/manifest-url");
const { devServerProtocol } = require("./scripts/dev-https");
const { FunctionsMetadataOptionsPlugin } = require("./scripts/functions-metadata");

const FUNCTIONS_SOURCE = "./src/functions/functions.ts";
const PREVIEW_SOURCE = "./src/taskpane/preview.tsx";
const HTML_TEMPLATE = "./src/taskpane/taskpane.html";

/** The manifest as copied to dist/: unchanged in development, moved to ADDIN_URL in production. */
function manifestTransform(production, addinUrl) {
  return (content) => {
    if (!production) return content;
    if (!addinUrl) {
      console.warn("ADDIN_URL is not set: dist/manifest.xml keeps the https://localhost:3000/ URLs.");
      return content;
    }
    return manifestForUrl(content.toString(), addinUrl);
  };
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  const hasPreview = fs.existsSync(path.resolve(__dirname, PREVIEW_SOURCE));

  const entry = {
    taskpane: "./src/taskpane/index.tsx",
    commands: "./src/commands/commands.ts",
    functions: FUNCTIONS_SOURCE,
    ...(hasPreview ? { preview: PREVIEW_SOURCE } : {}),
  };

  const config = {
    mode: production ? "production" : "development",
    // Plain source maps, not eval: the page's CSP forbids eval.
    devtool: "source-map",
    entry,
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, configFile: path.resolve(__dirname, "tsconfig.json") } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: FUNCTIONS_SOURCE }),
      new FunctionsMetadataOptionsPlugin("functions.json"),
      // One page for the shared runtime: Excel loads it once for pane, functions and commands.
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: HTML_TEMPLATE,
        title: "Altitude",
        officeJs: true,
        chunks: ["taskpane", "commands", "functions"],
        chunksSortMode: "manual",
      }),
      // The browser preview runs without Office, so it loads no office.js and needs no network.
      ...(hasPreview
        ? [new HtmlWebpackPlugin({ filename: "preview.html", template: HTML_TEMPLATE, title: "Altitude preview", officeJs: false, chunks: ["preview"] })]
        : []),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml", transform: manifestTransform(production, process.env.ADDIN_URL) },
        ],
      }),
    ],
  };

  // Certificates matter only when serving; builds never touch them.
  if (env.WEBPACK_SERVE) {
    const { server, warning } = await devServerProtocol();
    if (warning) console.warn(`Serving over http, not https: ${warning}. Excel needs https to load the add-in; the browser preview works over http.`);
    config.devServer = {
      host: "localhost",
      port: Number(process.env.npm_package_config_dev_server_port) || 3000,
      server,
      static: { directory: path.resolve(__dirname, "dist") },
      headers: { "Access-Control-Allow-Origin": "*" },
      hot: false,
      client: { overlay: false },
    };
  }

  return config;
};

module.exports.manifestTransform = manifestTransform;
