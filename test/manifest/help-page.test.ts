// The support page: a static help.html that opens in any browser, built into
// dist/ and linked from the manifest's SupportUrl and the get-started link.
import fs from "node:fs";
import nodePath from "node:path";
import { child, findAll, parseXml } from "./xml";

const root = nodePath.resolve(__dirname, "..", "..");
const manifest = parseXml(fs.readFileSync(nodePath.join(root, "manifest.xml"), "utf8"));
const source = fs.readFileSync(nodePath.join(root, "src", "help", "help.html"), "utf8");
const functionsSource = fs.readFileSync(nodePath.join(root, "src", "functions", "functions.ts"), "utf8");

/** The ALTITUDE function names declared with @customfunction in the functions' JSDoc. */
function declaredFunctions(): string[] {
  const names: string[] = [];
  for (const match of functionsSource.matchAll(/@customfunction\s+([A-Z]+)/g)) names.push(match[1]);
  return names;
}

describe("help.html", () => {
  it("is what the manifest's SupportUrl and get-started link point to", () => {
    expect(child(manifest, "SupportUrl").attributes.DefaultValue).toBe("https://localhost:3000/help.html");
    const learnMore = findAll(manifest, "bt:Url").find((url) => url.attributes.id === "GetStarted.LearnMoreUrl");
    expect(learnMore?.attributes.DefaultValue).toBe("https://localhost:3000/help.html");
  });

  it("is built into dist/ unchanged", () => {
    const built = nodePath.join(root, "dist", "help.html");
    if (!fs.existsSync(built)) throw new Error("dist/ is missing: build first with `npx webpack --mode development` (npm test does this).");
    expect(fs.readFileSync(built, "utf8")).toBe(source);
  });

  it.each([
    ["what Altitude does", "what"],
    ["the functions with examples", "functions"],
    ["the sheet layouts", "layouts"],
    ["privacy", "privacy"],
    ["how to get support", "support"],
  ])("has a section on %s", (_name, id) => {
    expect(source).toMatch(new RegExp(`<h2 id="${id}">`));
  });

  it("lists every custom function with an example", () => {
    const names = declaredFunctions();
    expect(names.length).toBe(7);
    for (const name of names) expect(source).toMatch(new RegExp(`=ALTITUDE\\.${name}\\(`));
  });

  it("says no data leaves the workbook, and runs no script and loads nothing from elsewhere", () => {
    expect(source).toContain("No data leaves the workbook.");
    expect(source).not.toMatch(/<script|<link|<iframe|https?:\/\/(?!localhost)/i);
  });
});
