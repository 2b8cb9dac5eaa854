import path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { withOptions } from "../../scripts/functions-metadata";

interface ParameterMetadata {
  name: string;
  description?: string;
  type: string;
  dimensionality?: string;
  optional?: boolean;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description: string;
  parameters: ParameterMetadata[];
  result: { dimensionality?: string };
}

const source = path.resolve(__dirname, "../../src/functions/functions.ts");

/** Parameter name → "matrix"/"scalar" and whether it is optional, as Excel reads it. */
type Shape = Array<[name: string, dimensionality: "matrix" | "scalar", optional: boolean]>;

describe("functions.json generated from the JSDoc", () => {
  let generated: Awaited<ReturnType<typeof generateCustomFunctionsMetadata>>;
  let functions: FunctionMetadata[];

  beforeAll(async () => {
    generated = await generateCustomFunctionsMetadata(source, false);
    functions = (JSON.parse(generated.metadataJson) as { functions: FunctionMetadata[] }).functions;
  });

  it("generates without errors", () => {
    expect(generated.errors).toEqual([]);
  });

  it("lists exactly the seven functions, each associated with its id", () => {
    const ids = ["OKRSCORE", "OBJECTIVESCORE", "OKRGRADE", "OKRPACE", "KPISTATUS", "KPITREND", "KRASCORE"];
    expect(functions.map((f) => [f.id, f.name])).toEqual(ids.map((id) => [id, id]));
    expect(generated.associate.map((a) => a.id)).toEqual(ids);
  });

  it.each<[string, Shape, "matrix" | "scalar"]>([
    ["OKRSCORE", [["start", "matrix", false], ["target", "matrix", false], ["current", "matrix", false], ["type", "matrix", true], ["cap", "matrix", true]], "matrix"],
    ["OBJECTIVESCORE", [["scores", "matrix", false], ["weights", "matrix", true]], "scalar"],
    ["OKRGRADE", [["score", "matrix", false], ["commitment", "matrix", true]], "matrix"],
    ["OKRPACE", [["score", "matrix", false], ["period_start", "matrix", false], ["period_end", "matrix", false], ["as_of", "matrix", true]], "matrix"],
    ["KPISTATUS", [["actual", "matrix", false], ["floor", "matrix", false], ["target", "matrix", false], ["ceiling", "matrix", true], ["direction", "matrix", true]], "matrix"],
    ["KPITREND", [["values", "matrix", false], ["direction", "matrix", true], ["floor", "matrix", true], ["ceiling", "matrix", true]], "matrix"],
    ["KRASCORE", [["ratings", "matrix", false], ["weights", "matrix", false]], "scalar"],
  ])("%s takes its parameters in the documented shape", (id, shape, result) => {
    const fn = functions.find((f) => f.id === id);
    expect(fn?.parameters.map((p) => [p.name, p.dimensionality ?? "scalar", p.optional ?? false])).toEqual(shape);
    expect(fn?.result.dimensionality ?? "scalar").toBe(result);
  });

  it("describes every function and parameter", () => {
    const undocumented = functions.flatMap((f) => [
      ...(f.description ? [] : [f.id]),
      ...f.parameters.filter((p) => !p.description).map((p) => `${f.id}(${p.name})`),
    ]);
    expect(undocumented).toEqual([]);
  });

  // https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json: root options.
  it("lets data types and error cells reach the functions once the build adds its options", () => {
    const built = JSON.parse(withOptions(generated.metadataJson)) as Record<string, unknown>;
    expect(built).toMatchObject({ allowCustomDataForDataTypeAny: true, allowErrorForDataTypeAny: true });
    expect((built.functions as FunctionMetadata[]).map((f) => f.id)).toEqual(functions.map((f) => f.id));
  });
});
