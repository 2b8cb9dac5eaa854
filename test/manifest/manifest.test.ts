/**
 * Offline checks of manifest.xml (Office's online validation is not reachable
 * from here): schema order, resources, the shared runtime wiring, the ribbon
 * commands against src/commands/commands.ts, and every URL against dist/.
 */
import fs from "node:fs";
import nodePath from "node:path";
import { XMLValidator } from "fast-xml-parser";
import { DEV_URL } from "../../scripts/manifest-url";
import { child, descendants, findAll, parseXml, path, type XmlElement } from "./xml";

const root = nodePath.resolve(__dirname, "..", "..");
const manifestText = fs.readFileSync(nodePath.join(root, "manifest.xml"), "utf8");
const commandsSource = fs.readFileSync(nodePath.join(root, "src", "commands", "commands.ts"), "utf8");
const distDir = nodePath.join(root, "dist");

const app = parseXml(manifestText);
const overrides = child(app, "VersionOverrides");
const host = path(overrides, "Hosts", "Host");
const resources = child(overrides, "Resources");

type ResourceKind = "bt:Images" | "bt:Urls" | "bt:ShortStrings" | "bt:LongStrings";

/** Which resource collection an element's resid must point into. */
const RESID_KIND = {
  "bt:Image": "bt:Images",
  Label: "bt:ShortStrings",
  Title: "bt:ShortStrings",
  Namespace: "bt:ShortStrings",
  Description: "bt:LongStrings",
  SourceLocation: "bt:Urls",
  LearnMoreUrl: "bt:Urls",
  FunctionFile: "bt:Urls",
  Runtime: "bt:Urls",
} satisfies Record<string, ResourceKind>;

/** Office's length limits for resource strings. */
const MAX_LENGTH = { "bt:ShortStrings": 125, "bt:LongStrings": 250 } as const;

function resourceIds(kind: ResourceKind): Map<string, string> {
  return new Map(child(resources, kind).children.map((entry) => [entry.attributes.id, entry.attributes.DefaultValue]));
}

function resourceValue(kind: ResourceKind, id: string): string {
  const value = resourceIds(kind).get(id);
  if (value === undefined) throw new Error(`no ${kind} resource "${id}"`);
  return value;
}

function withResid(): XmlElement[] {
  return descendants(overrides).filter((element) => element.attributes.resid !== undefined);
}

function distFile(relative: string): string {
  if (!fs.existsSync(distDir)) {
    throw new Error("dist/ is missing: build first with `npx webpack --mode development` (npm test does this).");
  }
  return nodePath.join(distDir, relative);
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
  const bytes = fs.readFileSync(file);
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

/** Every absolute URL in the manifest: DefaultValue attributes and AppDomain text. */
function manifestUrls(): string[] {
  return descendants(app)
    .flatMap((element) => [element.attributes.DefaultValue ?? "", element.tag === "AppDomain" ? element.text : ""])
    .filter((value) => /^https?:\/\//.test(value));
}

describe("manifest.xml", () => {
  it("is well-formed XML", () => {
    expect(XMLValidator.validate(manifestText)).toBe(true);
  });

  it("is a task pane add-in for Excel workbooks", () => {
    expect(app.tag).toBe("OfficeApp");
    expect(app.attributes["xsi:type"]).toBe("TaskPaneApp");
    expect(path(app, "Hosts", "Host").attributes.Name).toBe("Workbook");
  });

  it("has the top-level elements in the order the OfficeApp schema requires", () => {
    expect(app.children.map((element) => element.tag)).toEqual([
      "Id",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "HighResolutionIconUrl",
      "SupportUrl",
      "AppDomains",
      "Hosts",
      "Requirements",
      "DefaultSettings",
      "Permissions",
      "VersionOverrides",
    ]);
  });

  it.each([
    ["Id is a GUID", () => child(app, "Id").text, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/],
    ["Version has four parts", () => child(app, "Version").text, /^\d+\.\d+\.\d+\.\d+$/],
    ["ProviderName is Altitude", () => child(app, "ProviderName").text, /^Altitude$/],
    ["DefaultLocale is en-US", () => child(app, "DefaultLocale").text, /^en-US$/],
    ["DisplayName is Altitude", () => child(app, "DisplayName").attributes.DefaultValue, /^Altitude$/],
    ["Permissions is ReadWriteDocument", () => child(app, "Permissions").text, /^ReadWriteDocument$/],
    ["the task pane page is taskpane.html", () => path(app, "DefaultSettings", "SourceLocation").attributes.DefaultValue, /\/taskpane\.html$/],
  ])("%s", (_name, read, pattern) => {
    expect(read()).toMatch(pattern);
  });

  it("defines every resid it uses, in the collection its element needs", () => {
    const used = withResid().map((element) => {
      const kind: ResourceKind | undefined = (RESID_KIND as Record<string, ResourceKind>)[element.tag];
      return { tag: element.tag, resid: element.attributes.resid, defined: kind !== undefined && resourceIds(kind).has(element.attributes.resid) };
    });
    expect(used.length).toBeGreaterThan(0);
    expect(used.filter((entry) => !entry.defined)).toEqual([]);
  });

  it.each(Object.entries(MAX_LENGTH))("keeps every %s within %d characters", (kind, max) => {
    const tooLong = [...resourceIds(kind as ResourceKind)].filter(([, value]) => value.length > max);
    expect(tooLong).toEqual([]);
  });

  it("wires the shared runtime: one long-lived runtime on the page that hosts functions and commands", () => {
    const runtimes = findAll(host, "Runtime");
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0].attributes.lifetime).toBe("long");
    const runtimeResid = runtimes[0].attributes.resid;
    const customFunctions = child(child(host, "AllFormFactors"), "ExtensionPoint");
    expect(customFunctions.attributes["xsi:type"]).toBe("CustomFunctions");
    expect(path(customFunctions, "Page", "SourceLocation").attributes.resid).toBe(runtimeResid);
    expect(path(host, "DesktopFormFactor", "FunctionFile").attributes.resid).toBe(runtimeResid);
    expect(resourceValue("bt:Urls", runtimeResid)).toBe(path(app, "DefaultSettings", "SourceLocation").attributes.DefaultValue);
  });

  // https://learn.microsoft.com/en-us/office/dev/add-ins/develop/specify-office-hosts-and-api-requirements
  it.each([
    ["the shared runtime the pane, functions and ribbon run in", "SharedRuntime 1.1"],
    ["CustomFunctions.Error, which needs CustomFunctionsRuntime 1.2", "CustomFunctionsRuntime 1.2"],
    ["data validation (ExcelApi 1.8), the newest API the code uses without a check", "ExcelApi 1.8"],
  ])("requires the requirement set for %s (Specify Office applications and API requirements)", (_name, set) => {
    const sets = findAll(child(app, "Requirements"), "Set").map((item) => `${item.attributes.Name} ${item.attributes.MinVersion}`);
    expect(sets).toContain(set);
  });

  it("declares the custom functions under the ALTITUDE namespace", () => {
    const customFunctions = child(child(host, "AllFormFactors"), "ExtensionPoint");
    expect(resourceValue("bt:ShortStrings", child(customFunctions, "Namespace").attributes.resid)).toBe("ALTITUDE");
    expect(resourceValue("bt:Urls", path(customFunctions, "Script", "SourceLocation").attributes.resid)).toMatch(/\/functions\.js$/);
    expect(resourceValue("bt:Urls", path(customFunctions, "Metadata", "SourceLocation").attributes.resid)).toMatch(/\/functions\.json$/);
  });

  it("puts four buttons on the Altitude tab: show panel, then the three commands", () => {
    const tab = findAll(host, "CustomTab")[0];
    expect(tab.attributes.id).toBe("Altitude.Tab");
    expect(resourceValue("bt:ShortStrings", child(tab, "Label").attributes.resid)).toBe("Altitude");
    const buttons = findAll(tab, "Control", "Button").map((control) => ({
      label: resourceValue("bt:ShortStrings", child(control, "Label").attributes.resid),
      action: child(control, "Action").attributes["xsi:type"],
      functionName: child(control, "Action").children.find((element) => element.tag === "FunctionName")?.text,
    }));
    expect(buttons).toEqual([
      { label: "Show panel", action: "ShowTaskpane", functionName: undefined },
      { label: "Quarterly rollup", action: "ExecuteFunction", functionName: "buildRollup" },
      { label: "Review summaries", action: "ExecuteFunction", functionName: "buildReviews" },
      { label: "Check goals", action: "ExecuteFunction", functionName: "checkGoals" },
    ]);
  });

  it("associates exactly the ExecuteFunction names in src/commands/commands.ts, with exported handlers", () => {
    const declared = findAll(host, "Action", "ExecuteFunction").map((action) => child(action, "FunctionName").text);
    const associations = [...commandsSource.matchAll(/Office\.actions\.associate\(\s*"([^"]+)"\s*,\s*(\w+)\s*\)/g)];
    expect(associations.map((match) => match[1]).sort()).toEqual([...declared].sort());
    for (const [, , handler] of associations) {
      expect(commandsSource).toMatch(new RegExp(`export (const|async function|function) ${handler}\\b`));
    }
  });

  it("keeps every URL under the development URL, so a production build can move them all", () => {
    const origin = new URL(DEV_URL).origin;
    expect(manifestUrls().filter((url) => !url.startsWith(DEV_URL) && url !== origin)).toEqual([]);
  });
});

describe("manifest.xml against the build in dist/", () => {
  it("is copied to dist/ unchanged by a development build", () => {
    expect(fs.readFileSync(distFile("manifest.xml"), "utf8")).toBe(manifestText);
  });

  const servedUrls = [...new Set(manifestUrls().filter((url) => url.startsWith(DEV_URL)))];
  const iconUses = [...new Set(findAll(overrides, "bt:Image").filter((image) => image.attributes.size).map((image) => `${image.attributes.resid}@${image.attributes.size}`))];

  it.each(servedUrls.map((url) => [url]))("serves %s", (url) => {
    const relative = new URL(url).pathname.slice(new URL(DEV_URL).pathname.length);
    expect(fs.existsSync(distFile(relative))).toBe(true);
  });

  it.each(iconUses.map((use) => use.split("@")))("draws %s at %s pixels", (resid, size) => {
    const relative = new URL(resourceValue("bt:Images", resid)).pathname.slice(1);
    expect(pngSize(distFile(relative))).toEqual([Number(size), Number(size)]);
  });

  it.each([
    ["IconUrl", 32],
    ["HighResolutionIconUrl", 64],
  ])("draws %s at %d pixels", (tag, size) => {
    const relative = new URL(child(app, tag).attributes.DefaultValue).pathname.slice(1);
    expect(pngSize(distFile(relative))).toEqual([size, size]);
  });
});
