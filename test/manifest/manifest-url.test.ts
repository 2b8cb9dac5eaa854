/**
 * The production build points the manifest at ADDIN_URL: every development
 * URL moves, the result is still a valid manifest, and a bad URL stops the build.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import nodePath from "node:path";
import { XMLValidator } from "fast-xml-parser";
import { DEV_URL, checkAddinUrl, manifestForUrl } from "../../scripts/manifest-url";
import { child, descendants, parseXml } from "./xml";

interface WebpackConfigModule {
  manifestTransform(production: boolean, addinUrl: string | undefined): (content: Buffer) => Buffer | string;
}

const root = nodePath.resolve(__dirname, "..", "..");
const manifestText = fs.readFileSync(nodePath.join(root, "manifest.xml"), "utf8");
const { manifestTransform } = createRequire(__filename)("../../webpack.config.js") as WebpackConfigModule;

const PRODUCTION_URL = "https://goals.example.org/addins/altitude/";

function urlsOf(text: string): string[] {
  return descendants(parseXml(text))
    .flatMap((element) => [element.attributes.DefaultValue ?? "", element.tag === "AppDomain" ? element.text : ""])
    .filter((value) => /^https?:\/\//.test(value));
}

describe("manifestForUrl", () => {
  const production = manifestForUrl(manifestText, PRODUCTION_URL);

  it("leaves no localhost URL behind", () => {
    expect(production).not.toContain("localhost");
  });

  it("moves every URL under the production URL, and the app domain to its origin", () => {
    const outside = urlsOf(production).filter((url) => !url.startsWith(PRODUCTION_URL));
    expect(outside).toEqual(["https://goals.example.org"]);
  });

  it("keeps each URL's path below the base", () => {
    const before = urlsOf(manifestText).filter((url) => url.startsWith(DEV_URL)).map((url) => url.slice(DEV_URL.length));
    const after = urlsOf(production).filter((url) => url.startsWith(PRODUCTION_URL)).map((url) => url.slice(PRODUCTION_URL.length));
    expect(after).toEqual(before);
  });

  it("still produces a well-formed manifest with the same elements", () => {
    expect(XMLValidator.validate(production)).toBe(true);
    expect(descendants(parseXml(production)).map((element) => element.tag)).toEqual(descendants(parseXml(manifestText)).map((element) => element.tag));
    expect(child(parseXml(production), "Id").text).toBe(child(parseXml(manifestText), "Id").text);
  });

  it.each([
    ["no trailing slash", "https://goals.example.org/altitude", /end with "\/"/],
    ["plain http", "http://goals.example.org/", /https/],
    ["not a URL", "goals.example.org/", /not a URL/],
    ["a query string", "https://goals.example.org/?v=2/", /query or fragment/],
  ])("rejects a base URL with %s", (_name, url, message) => {
    expect(() => checkAddinUrl(url)).toThrow(message);
    expect(() => manifestForUrl(manifestText, url)).toThrow(message);
  });
});

describe("the manifest copy step in webpack.config.js", () => {
  const content = Buffer.from(manifestText);

  it("copies the manifest unchanged in development, even when ADDIN_URL is set", () => {
    expect(manifestTransform(false, PRODUCTION_URL)(content)).toBe(content);
  });

  it("rewrites the manifest for ADDIN_URL in production", () => {
    expect(manifestTransform(true, PRODUCTION_URL)(content)).toBe(manifestForUrl(manifestText, PRODUCTION_URL));
  });

  it("keeps the development URLs and warns when a production build has no ADDIN_URL", () => {
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      expect(manifestTransform(true, undefined)(content)).toBe(content);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining("ADDIN_URL is not set"));
    } finally {
      warn.mockRestore();
    }
  });
});
