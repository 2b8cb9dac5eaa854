/**
 * Every optional Office.js API the Excel adapter uses, with the requirement set
 * it needs, checked in this one place. What the add-in cannot run without is
 * declared in the manifest instead (ExcelApi 1.8, SharedRuntime 1.1,
 * CustomFunctionsRuntime 1.2), so Office does not offer it where it would fail.
 * A host that lacks a set still defines its methods in JavaScript; calling one
 * fails at sync with ApiNotFound, so the check must come first
 * ("Specify Office applications and API requirements",
 * https://learn.microsoft.com/en-us/office/dev/add-ins/develop/specify-office-hosts-and-api-requirements;
 * Excel requirement sets, https://learn.microsoft.com/en-us/javascript/api/requirement-sets/excel/excel-api-requirement-sets).
 */

/** `Office.context.requirements`, or the stand-in's imitation of it. */
export interface RequirementSets {
  isSetSupported(name: string, minVersion?: string): boolean;
}

/** Optional features and the ExcelApi version each needs (from the Office.js reference's "API set" remarks). */
export const OPTIONAL_FEATURES = {
  /** `application.suspendApiCalculationUntilNextSync`. */
  suspendCalculation: "1.6",
  /** `worksheets.onAdded`, `onDeleted`. */
  sheetAddedDeleted: "1.7",
  /** `worksheets.onChanged` and `application.suspendScreenUpdatingUntilNextSync`. */
  sheetChanged: "1.9",
  suspendScreenUpdating: "1.9",
  /** `range.getTables`: is a range already in a table? */
  rangeTables: "1.9",
  /** `application.cultureInfo`: the locale's decimal separator. */
  cultureInfo: "1.11",
  /** `range.getMergedAreasOrNullObject`. */
  mergedAreas: "1.13",
  /** `worksheets.onNameChanged` (absent from Excel 2021). */
  sheetRenamed: "1.17",
} as const satisfies Record<string, string>;

export type OptionalFeature = keyof typeof OPTIONAL_FEATURES;

/** Answers whether the host supports an optional feature. */
export type FeatureCheck = (feature: OptionalFeature) => boolean;

/**
 * The feature check over the given requirement sets, or over `Office.context.requirements`
 * when Office is loaded. Without either (the browser preview's stand-in, tests that
 * say nothing), every feature is assumed: the stand-in supports them all by default.
 *
 * @example
 * const has = excelFeatures({ isSetSupported: (name, v) => name === "ExcelApi" && v !== "1.17" });
 * has("sheetRenamed") // false
 */
export function excelFeatures(requirements: RequirementSets | undefined = officeRequirements()): FeatureCheck {
  if (!requirements) return () => true;
  const answers = new Map<OptionalFeature, boolean>();
  return (feature) => {
    let known = answers.get(feature);
    if (known === undefined) {
      known = requirements.isSetSupported("ExcelApi", OPTIONAL_FEATURES[feature]);
      answers.set(feature, known);
    }
    return known;
  };
}

function officeRequirements(): RequirementSets | undefined {
  const office: unknown = (globalThis as { Office?: unknown }).Office;
  if (typeof office !== "object" || office === null || !("context" in office)) return undefined;
  const context: unknown = office.context;
  if (typeof context !== "object" || context === null || !("requirements" in context)) return undefined;
  const requirements: unknown = context.requirements;
  return typeof requirements === "object" && requirements !== null && "isSetSupported" in requirements && typeof requirements.isSetSupported === "function"
    ? (requirements as RequirementSets)
    : undefined;
}
