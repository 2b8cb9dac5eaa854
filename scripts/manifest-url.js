"use strict";
// The manifest is written with development URLs (https://localhost:3000/). A
// production build points it at where the add-in is hosted, given as ADDIN_URL.
// webpack.config.js applies this while copying manifest.xml to dist/.

const DEV_URL = "https://localhost:3000/";

/**
 * Checks an add-in base URL: absolute https, ending with "/". Throws on a
 * broken build setting, since a manifest with a wrong URL cannot load at all.
 */
function checkAddinUrl(addinUrl) {
  let parsed;
  try {
    parsed = new URL(addinUrl);
  } catch {
    throw new Error(`ADDIN_URL is not a URL: "${addinUrl}"`);
  }
  if (parsed.protocol !== "https:") throw new Error(`ADDIN_URL must use https (Office loads add-ins only over https): "${addinUrl}"`);
  if (!addinUrl.endsWith("/")) throw new Error(`ADDIN_URL must end with "/": "${addinUrl}"`);
  if (parsed.search || parsed.hash) throw new Error(`ADDIN_URL must not have a query or fragment: "${addinUrl}"`);
  return addinUrl;
}

/**
 * The manifest text with every development URL moved under `addinUrl`, and the
 * development origin (as in AppDomain) replaced by the production origin.
 * @example manifestForUrl('<x a="https://localhost:3000/taskpane.html"/>', "https://example.org/altitude/")
 *   // '<x a="https://example.org/altitude/taskpane.html"/>'
 */
function manifestForUrl(manifestText, addinUrl) {
  checkAddinUrl(addinUrl);
  const devOrigin = new URL(DEV_URL).origin;
  const origin = new URL(addinUrl).origin;
  return manifestText.split(DEV_URL).join(addinUrl).split(devOrigin).join(origin);
}

module.exports = { DEV_URL, checkAddinUrl, manifestForUrl };
