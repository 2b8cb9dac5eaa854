import type { RawCell } from "../../src/core/model";
import type { ExcelApi } from "../../src/workbook/excel-api";
import { createFakeExcel, FakeOfficeError, type FakeExcel } from "../../src/hosts/excel-stand-in";

function makeFake(): FakeExcel {
  return createFakeExcel({
    sheets: [
      { name: "OKRs", values: [["Objective", "Score"], ["Grow", 0.5]] },
      { name: "Notes", values: [] },
    ],
  });
}

/** Runs a batch and returns the error it rejected with. */
async function failure(fake: FakeExcel, batch: Parameters<FakeExcel["Excel"]["run"]>[0]): Promise<FakeOfficeError> {
  try {
    await fake.Excel.run(batch);
  } catch (error) {
    if (error instanceof FakeOfficeError) return error;
    throw error;
  }
  throw new Error("The batch did not fail.");
}

it("can stand in wherever the adapter expects Excel", () => {
  const api: ExcelApi = makeFake().Excel;
  expect(typeof api.run).toBe("function");
});

describe("load and sync", () => {
  it.each([
    ["a range's values", (fake: FakeExcel) => fake.Excel.run(async (context) => void context.workbook.worksheets.getItem("OKRs").getRange("A1").values)],
    ["a sheet's name", (fake: FakeExcel) => fake.Excel.run(async (context) => void context.workbook.worksheets.getItem("OKRs").name)],
    ["the sheet list", (fake: FakeExcel) => fake.Excel.run(async (context) => void context.workbook.worksheets.items)],
    [
      "values loaded but not yet synced",
      (fake: FakeExcel) =>
        fake.Excel.run(async (context) => {
          const range = context.workbook.worksheets.getItem("OKRs").getRange("A1").load("values");
          return void range.values;
        }),
    ],
  ])("throws PropertyNotLoaded when reading %s", async (_name, read) => {
    await expect(read(makeFake())).rejects.toMatchObject({ code: "PropertyNotLoaded" });
  });

  it("returns loaded properties after sync, and counts the round trip", async () => {
    const fake = makeFake();
    const values = await fake.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("OKRs").getUsedRange(true).load("values, address");
      await context.sync();
      return { values: range.values, address: range.address };
    });
    expect(values).toEqual({ values: [["Objective", "Score"], ["Grow", 0.5]], address: "OKRs!A1:B2" });
    expect(fake.stats.syncs).toBe(1);
  });

  it("applies property writes only when the request is sent", async () => {
    const fake = makeFake();
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Notes").getRange("A1").values = [["later"]];
      expect(fake.getSheet("Notes")?.cell("A1").value).toBe("");
      await context.sync();
      expect(fake.getSheet("Notes")?.cell("A1").value).toBe("later");
    });
  });

  it("sends what a batch left queued when the batch ends, as Excel.run does", async () => {
    const fake = makeFake();
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Notes").getRange("B2").values = [[1]];
    });
    expect(fake.getSheet("Notes")?.cell("B2").value).toBe(1);
    expect(fake.stats.syncs).toBe(1);
  });

  it("refuses proxies used after their batch ended", async () => {
    const fake = makeFake();
    const sheet = await fake.Excel.run(async (context) => context.workbook.worksheets.getItem("Notes"));
    expect(() => sheet.activate()).toThrow(expect.objectContaining({ code: "InvalidObjectPath" }));
  });

  it("gives a null object for the used range of a blank sheet and for a missing sheet", async () => {
    const fake = makeFake();
    const result = await fake.Excel.run(async (context) => {
      const used = context.workbook.worksheets.getItem("Notes").getUsedRangeOrNullObject(true).load("address");
      const missing = context.workbook.worksheets.getItemOrNullObject("Nope").load("name");
      await context.sync();
      return [used.isNullObject, missing.isNullObject];
    });
    expect(result).toEqual([true, true]);
  });
});

describe("typed input", () => {
  it.each<[string, string, RawCell, string | null]>([
    ["a formula", "=1+1", "", "=1+1"],
    ["a plus expression", "+cmd|'/c calc'!A0", "", "=+cmd|'/c calc'!A0"],
    ["a minus expression", "-1+1", "", "=-1+1"],
    ["an at expression", "@SUM(A1)", "", "=SUM(A1)"],
    ["a number", "007", 7, null],
    ["a boolean", "TRUE", true, null],
    ["plain text", "Grow", "Grow", null],
  ])("turns %s written as a value into what Excel makes of it", async (_name, input, value, formula) => {
    const fake = makeFake();
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Notes").getRange("A1").values = [[input]];
      await context.sync();
    });
    expect(fake.getSheet("Notes")?.cell("A1")).toMatchObject({ value, formula });
  });

  // Excel.Range.values names no exception for the text format: https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-values-member
  it("reads =, + and - as formulas even in cells formatted as text (Excel.Range.values: the @ format is no guard)", async () => {
    const fake = makeFake();
    await fake.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Notes").getRange("A1:C1");
      range.numberFormat = [["@", "@", "@"]];
      range.values = [["=1+1", "+A1", "-A1"]];
      await context.sync();
    });
    const sheet = fake.getSheet("Notes");
    expect([sheet?.cell("A1").formula, sheet?.cell("B1").formula, sheet?.cell("C1").formula]).toEqual(["=1+1", "=+A1", "=-A1"]);
  });

  // https://support.microsoft.com/en-us/office/stop-automatically-changing-numbers-to-dates-452bd2db-cc96-47d1-81e4-72cec11c4ed8
  it.each([
    ["a formula", "'=1+1", "=1+1"],
    ["a date", "'Jan 2026", "Jan 2026"],
    ["an apostrophe kept after the guard", "''x", "'x"],
  ])("keeps %s typed after an apostrophe as text, the apostrophe a hidden prefix (Stop automatically changing numbers to dates)", async (_name, input, shown) => {
    const fake = makeFake();
    const read = await fake.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Notes").getRange("A1");
      range.values = [[input]];
      range.load("values,formulas,text");
      await context.sync();
      return { values: range.values, formulas: range.formulas, text: range.text };
    });
    // Reading formulas drops the prefix too: https://github.com/OfficeDev/office-js/issues/6687
    expect(read).toEqual({ values: [[shown]], formulas: [[shown]], text: [[shown]] });
    expect(fake.getSheet("Notes")?.cell("A1")).toMatchObject({ value: shown, formula: null, prefixed: true });
  });

  it.each<[string, string, RawCell]>([
    ["a month and year as the first of the month", "Jan 2026", 46023],
    ["an ISO date", "2026-07-01", 46204],
    ["a time as a fraction of a day", "12:30", 0.5208333333333334],
    ["a mixed fraction", "1 1/2", 1.5],
    ["parentheses as a negative number", "(100)", -100],
    ["a thousands separator", "1,200", 1200],
    ["a percentage", "45%", 0.45],
    ["a currency", "$3.2", 3.2],
  ])("coerces %s, as Excel does with typed input (Stop automatically changing numbers to dates)", async (_name, input, value) => {
    const fake = makeFake();
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Notes").getRange("A1").values = [[input]];
      await context.sync();
    });
    expect(fake.getSheet("Notes")?.cell("A1").value).toBeCloseTo(Number(value), 10);
  });

  it("rejects arrays that do not match the range", async () => {
    const error = await failure(makeFake(), async (context) => {
      context.workbook.worksheets.getItem("Notes").getRange("A1:B2").values = [["only one"]];
      await context.sync();
    });
    expect(error.code).toBe("InvalidArgument");
  });
});

describe("worksheets", () => {
  it.each([
    ["a taken name in other case", "okrs", "ItemAlreadyExists"],
    ["a name with a slash", "A/B", "InvalidArgument"],
    ["a name over 31 characters", "x".repeat(32), "InvalidArgument"],
  ])("refuses to add a sheet with %s at sync", async (_name, name, code) => {
    const fake = makeFake();
    const error = await failure(fake, async (context) => {
      context.workbook.worksheets.add(name);
      await context.sync();
    });
    expect(error.code).toBe(code);
    expect(fake.sheetNames()).toEqual(["OKRs", "Notes"]);
  });

  it("reports a missing sheet at sync, not when the proxy is made", async () => {
    const fake = makeFake();
    const error = await failure(fake, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Missing");
      sheet.load("name");
      await context.sync();
    });
    expect(error).toMatchObject({ code: "ItemNotFound", name: "RichApi.Error" });
  });

  it("keeps operations sent before a failing one, as Excel does", async () => {
    const fake = makeFake();
    await failure(fake, async (context) => {
      context.workbook.worksheets.add("First");
      context.workbook.worksheets.add("OKRs");
      context.workbook.worksheets.add("Third");
      await context.sync();
    });
    expect(fake.sheetNames()).toEqual(["OKRs", "Notes", "First"]);
  });

  it("hides a sheet very well and refuses to hide or delete the last visible one", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "Only", values: [] }] });
    await fake.Excel.run(async (context) => {
      const state = context.workbook.worksheets.add("State");
      state.visibility = "VeryHidden";
      await context.sync();
    });
    expect(fake.getSheet("State")?.visibility).toBe("VeryHidden");
    const error = await failure(fake, async (context) => {
      context.workbook.worksheets.getItem("Only").delete();
      await context.sync();
    });
    expect(error.code).toBe("InvalidOperation");
  });

  it("lists sheets with their loaded properties", async () => {
    const fake = makeFake();
    const names = await fake.Excel.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name,items/position");
      await context.sync();
      return sheets.items.map((sheet) => `${sheet.position}:${sheet.name}`);
    });
    expect(names).toEqual(["0:OKRs", "1:Notes"]);
  });
});

describe("tables", () => {
  it("adds a table over written data, with a name, a style and added rows", async () => {
    const fake = makeFake();
    await fake.Excel.run(async (context) => {
      const table = context.workbook.worksheets.getItem("OKRs").tables.add("A1:B2", true);
      table.name = "Objectives";
      table.style = "TableStyleLight9";
      table.rows.add(null, [["Retain", 0.8]]);
      await context.sync();
    });
    expect(fake.getSheet("OKRs")?.tables).toEqual([
      { name: "Objectives", address: "OKRs!A1:B3", style: "TableStyleLight9", showBandedRows: true, headers: ["Objective", "Score"] },
    ]);
  });

  it.each([
    ["a name taken in other case", "objectives", "ItemAlreadyExists"],
    ["a name that reads as a cell", "KR1", "InvalidArgument"],
  ])("refuses %s", async (_name, name, code) => {
    const fake = makeFake();
    const error = await failure(fake, async (context) => {
      context.workbook.worksheets.getItem("OKRs").tables.add("A1:B2", true).name = "Objectives";
      context.workbook.worksheets.getItem("Notes").tables.add("A1:A2", true).name = name;
      await context.sync();
    });
    expect(error.code).toBe(code);
    expect(fake.getSheet("Notes")?.tables.map((table) => table.name)).toEqual(["Table2"]);
  });
});

describe("table rows and formulas", () => {
  /** A sheet with a table A1:C4 (Name, Value, Twice) whose Twice column holds `twice`, and cells outside it referring to B3, B2:B4 and another sheet's B3. */
  async function withTable(twice: (row: number) => string): Promise<FakeExcel> {
    const fake = createFakeExcel({ sheets: [{ name: "S", values: [["Name", "Value", "Twice"], ["a", 1, ""], ["b", 2, ""], ["c", 3, ""]] }] });
    await fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("S");
      sheet.tables.add("A1:C4", true).name = "T";
      sheet.getRange("C2:C4").formulas = [[twice(2)], [twice(3)], [twice(4)]];
      sheet.getRange("E1:E3").formulas = [["=B3"], ["=SUM($B$2:$B$4)"], ["=Other!B3"]];
      await context.sync();
    });
    return fake;
  }

  async function insert(fake: FakeExcel, index: number | null, row?: RawCell[]): Promise<void> {
    await fake.Excel.run(async (context) => {
      context.workbook.tables.getItem("T").rows.add(index, row ? [row] : undefined);
      await context.sync();
    });
  }

  // TableRowCollection.add: https://learn.microsoft.com/en-us/javascript/api/excel/excel.tablerowcollection#excel-excel-tablerowcollection-add-member(1)
  it("inserts a row at a zero-based index among the data rows, moving the rows below down (TableRowCollection.add)", async () => {
    const fake = await withTable((r) => `=B${r}*2`);
    await insert(fake, 1, ["x", 9, ""]);
    const sheet = fake.getSheet("S");
    expect(sheet?.tables[0].address).toBe("S!A1:C5");
    expect(sheet?.range("A2:B5").values).toEqual([["a", 1], ["x", 9], ["b", 2], ["c", 3]]);
  });

  // "Insert or delete cells, rows, and columns": https://support.microsoft.com/en-us/office/insert-or-delete-cells-rows-and-columns-6f40e6e4-85af-45e0-b39d-65dd504a3246
  it("moves references to the moved cells with them, and widens a range the rows go into", async () => {
    const fake = await withTable((r) => `=B${r}*2`);
    await insert(fake, 1);
    const sheet = fake.getSheet("S");
    // A reference to another sheet's cell stays: no cell moved there.
    expect([sheet?.cell("E1").formula, sheet?.cell("E2").formula, sheet?.cell("E3").formula]).toEqual(["=B4", "=SUM($B$2:$B$5)", "=Other!B3"]);
    expect(sheet?.range("C2:C5").formulas).toEqual([["=B2*2"], ["=B3*2"], ["=B4*2"], ["=B5*2"]]);
  });

  // "Use calculated columns in an Excel table": https://support.microsoft.com/en-us/office/use-calculated-columns-in-an-excel-table-873fbac6-7110-4300-8f6f-aafa2ea11ce8
  it.each([
    ["a structured formula", () => "=[@Value]*2", 0, "=[@Value]*2"],
    ["the same relative formula on every row, read from the new row", (r: number) => `=B${r}*2`, 0, "=B2*2"],
    ["the same formula, added at the end", () => "=[@Value]*2", null, "=[@Value]*2"],
  ])("fills a calculated column's formula into an added blank row: %s", async (_name, twice, index, expected) => {
    const fake = await withTable(twice);
    await insert(fake, index);
    const row = index === null ? 5 : index + 2;
    expect(fake.getSheet("S")?.cell(`C${row}`).formula).toBe(expected);
  });

  // "Blank and null values in Excel add-ins": https://learn.microsoft.com/en-us/office/dev/add-ins/excel/excel-add-ins-blank-null-values
  it('keeps a calculated column\'s cell empty when the added row gives it "", which clears a cell', async () => {
    const fake = await withTable(() => "=[@Value]*2");
    await insert(fake, 1, ["x", 9, ""]);
    expect(fake.getSheet("S")?.cell("C3").formula).toBeNull();
    expect(fake.getSheet("S")?.range("A3:B3").values).toEqual([["x", 9]]);
  });

  it("leaves an added row's cell empty in a column whose rows hold different formulas", async () => {
    const fake = await withTable((r) => (r === 2 ? '="first"' : `=B${r - 1}`));
    await insert(fake, 1);
    expect(fake.getSheet("S")?.cell("C3").formula).toBeNull();
  });

  it("refuses an index beyond the table's rows", async () => {
    const fake = await withTable(() => "=[@Value]*2");
    const error = await failure(fake, async (context) => {
      context.workbook.tables.getItem("T").rows.add(5, [["x", 9, ""]]);
      await context.sync();
    });
    expect(error.code).toBe("InvalidArgument");
  });

  // TableSort.apply: https://learn.microsoft.com/en-us/javascript/api/excel/excel.tablesort#excel-excel-tablesort-apply-member(1)
  it("moves whole rows when sorting; a relative reference to another row keeps its offset, a structured one its column", async () => {
    const fake = await withTable((r) => (r === 4 ? "=[@Value]*2" : `=B${r + 1}*2`));
    await fake.Excel.run(async (context) => {
      context.workbook.tables.getItem("T").sort.apply([{ key: 1, ascending: false }]);
      await context.sync();
    });
    const sheet = fake.getSheet("S");
    expect(sheet?.range("A2:A4").values).toEqual([["c"], ["b"], ["a"]]);
    expect(sheet?.range("C2:C4").formulas).toEqual([["=[@Value]*2"], ["=B4*2"], ["=B5*2"]]);
  });
});

describe("structured references in formulas", () => {
  /** Reads C2 after the table T (A1:C4, Name/Value/Result) gets `formula` in C2, with an evaluator that shows the A1 formula it was given. */
  async function resolved(formula: string, cell = "C2"): Promise<unknown> {
    const fake = createFakeExcel({ sheets: [{ name: "S", values: [["Name", "Value", "Result"], ["a", 1, ""], ["b", 2, ""], ["c", 3, ""]] }] }, { evaluate: (f) => f });
    await fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("S");
      sheet.tables.add("A1:C4", true).name = "T";
      sheet.getRange(cell).formulas = [[formula]];
      await context.sync();
    });
    return fake.getSheet("S")?.cell(cell).value;
  }

  // https://support.microsoft.com/en-us/office/using-structured-references-with-excel-tables-f5ed2452-2337-4f71-bed3-c8ae6d2b276e
  it.each([
    ["a column on the formula's own row", "=[@Value]*2", "=B2*2"],
    ["a whole column, unqualified inside the table", "=MAX([Value])", "=MAX(B2:B4)"],
    ["a whole column named with its table", "=MAX(T[Value])", "=MAX(B2:B4)"],
    ["a bracketed column name", "=MAX([[Value]])+[@[Value]]", "=MAX(B2:B4)+B2"],
    ["brackets inside text, left as text", '="[Value]"&[@Name]', '="[Value]"&A2'],
    ["a column the table lacks", "=[Nope]", "#REF!"],
    ["a table that does not exist", "=MAX(Other[Value])", "#REF!"],
  ])("resolves %s", async (_name, formula, expected) => {
    await expect(resolved(formula)).resolves.toBe(expected);
  });

  it("gives #REF! for an unqualified column outside any table", async () => {
    await expect(resolved("=MAX([Value])", "E2")).resolves.toBe("#REF!");
  });
});

describe("instrumentation", () => {
  it("measures each request and refuses one over the limit", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "S", values: [] }] }, { requestLimitBytes: 10_000 });
    const rows = (n: number) => Array.from({ length: n }, () => ["abcdefghij"]);
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A1:A100").values = rows(100);
      await context.sync();
    });
    expect(fake.stats.requests[0].bytes).toBeGreaterThan(1_400);
    const error = await failure(fake, async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A1:A1000").values = rows(1000);
      await context.sync();
    });
    expect(error.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(fake.getSheet("S")?.used).toEqual({ row: 0, col: 0, rows: 100, cols: 1 });
  });

  it.each([
    ["the second sync", { sync: 2 }, ["OKRs", "Notes", "A"]],
    ["the second sheet added", { operation: "worksheets.add", nth: 2 }, ["OKRs", "Notes", "A"]],
  ])("fails %s on request", async (_name, spec, remaining) => {
    const fake = makeFake();
    fake.failOn(spec);
    const error = await failure(fake, async (context) => {
      context.workbook.worksheets.add("A");
      await context.sync();
      context.workbook.worksheets.add("B");
      await context.sync();
    });
    expect(error.code).toBe("GeneralException");
    expect(fake.sheetNames()).toEqual(remaining);
  });

  it("holds a tall sheet sparsely and reports its used range", async () => {
    const fake = makeFake();
    await fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Notes");
      sheet.getRange("A1").values = [["top"]];
      sheet.getRange("T1000000").values = [["bottom"]];
      await context.sync();
    });
    expect(fake.getSheet("Notes")?.used).toEqual({ row: 0, col: 0, rows: 1_000_000, cols: 20 });
    expect(fake.getSheet("Notes")?.cell("T1000000").value).toBe("bottom");
  });
});
