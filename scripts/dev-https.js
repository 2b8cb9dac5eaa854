"use strict";
// HTTPS for the development server. Office loads add-ins only over https, so
// the dev server uses the Office development certificates when it can, and
// falls back to plain http (fine for the browser preview) when it cannot.
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const CERT_DIR = path.join(os.homedir(), ".office-addin-dev-certs");

function loadDevCerts() {
  try {
    return require("office-addin-dev-certs");
  } catch {
    return null;
  }
}

function readInstalledCertificates() {
  const files = { ca: "ca.crt", cert: "localhost.crt", key: "localhost.key" };
  const missing = Object.values(files).filter((name) => !fs.existsSync(path.join(CERT_DIR, name)));
  if (missing.length > 0) return null;
  return Object.fromEntries(Object.entries(files).map(([key, name]) => [key, fs.readFileSync(path.join(CERT_DIR, name))]));
}

/**
 * The webpack-dev-server `server` setting and, when https is not possible, why.
 * On Windows and macOS the certificates are created and trusted for the user on
 * first use (as Microsoft's templates do). Elsewhere trusting a CA needs sudo,
 * so only certificates already made with `npx office-addin-dev-certs install`
 * are used.
 */
async function devServerProtocol() {
  const devCerts = loadDevCerts();
  if (!devCerts) return { server: { type: "http" }, warning: "office-addin-dev-certs is not installed" };
  if (process.platform === "win32" || process.platform === "darwin") {
    try {
      const options = await devCerts.getHttpsServerOptions();
      return { server: { type: "https", options: { ca: options.ca, cert: options.cert, key: options.key } } };
    } catch (error) {
      return { server: { type: "http" }, warning: `development certificates could not be made: ${error.message}` };
    }
  }
  const options = readInstalledCertificates();
  if (options) return { server: { type: "https", options } };
  return {
    server: { type: "http" },
    warning: `no development certificates in ${CERT_DIR} (run "npx office-addin-dev-certs install" to serve https)`,
  };
}

module.exports = { devServerProtocol, CERT_DIR };
