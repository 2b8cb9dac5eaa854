import type { RecognisedSheet } from "../../src/core/model";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { planTableConversion, tableColumnNames, tableNameFor, withRowAddresses } from "../../src/core/tables";
import { makeSheet } from "../support/builders";

function recognised(overrides: Partial<RecognisedSheet>): RecognisedSheet {
  return { name: "OKRs", kind: "okr", confidence: 1, headerRow: 2, columns: {}, unmappedHeaders: [], rowCount: 0, ...overrides };
}

describe("tableColumnNames", () => {
  it.each([
    ["header texts as they are", ["Start", "Key result"], ["Start", "Key result"]],
    ["a blank header as ColumnN", ["Start", ""], ["Start", "Column2"]],
    ["a repeated header numbered, ignoring case", ["Owner", "owner", "OWNER"], ["Owner", "owner2", "OWNER3"]],
    ["a number as its text", [2026], ["2026"]],
  ])("names %s", (_name, headers, names) => {
    expect(tableColumnNames(headers)).toEqual(names);
  });
});

describe("withRowAddresses", () => {
  const conversion = { range: { row: 2, col: 1, rows: 4, cols: 3 }, columnNames: ["Start", "Key result", "It's [x]", "Score"] };
  it.each([
    ["a plain name", "=ALTITUDE.OKRGRADE([@Score])", 3, "=ALTITUDE.OKRGRADE(E4)"],
    ["a bracketed name with a space", "=F([@[Key result]])", 5, "=F(C6)"],
    ["escaped brackets and apostrophe", "=F([@[It''s '[x']]])", 3, "=F(D4)"],
    ["a name the table lacks, left as written", "=F([@Nope])", 3, "=F([@Nope])"],
    ["a whole column, as its data rows fixed, computed as an array", "=F([Start],[@Start])", 3, "=ARRAYFORMULA(F($B$4:$B$6,B4))"],
    ["a whole column with a bracketed name", '=F([[Key result]]="x")', 4, '=ARRAYFORMULA(F($C$4:$C$6="x"))'],
    ["brackets inside text, left alone", '="[Start]"&[Start]', 4, '=ARRAYFORMULA("[Start]"&$B$4:$B$6)'],
  ])("turns %s into addresses", (_name, formula, row, expected) => {
    expect(withRowAddresses(conversion, formula, row)).toBe(expected);
  });
});

describe("planTableConversion", () => {
  const okrSheet = makeSheet("OKRs", [
    ["Team goals", "", "", "", "", ""],
    ["Period", "Objective", "Key result", "Start", "Target", "Current"],
    ["2026-Q3", "Grow", "Churn 4.2% to 2.8%", 0.042, 0.028, 0.035],
    ["", "", "Cycle 47 to 31", 47, 31, 39],
    ["", "", "", "", "", ""],
  ]);
  const okr = recognised({ columns: { period: 0, objective: 1, keyResult: 2, start: 3, target: 4, current: 5 } });

  it("covers the header and data rows and adds Score, Grade and Pace to the right", () => {
    const plan = planTableConversion(okrSheet, okr, DEFAULT_SETTINGS);
    if (!plan.ok) throw new Error(plan.message);
    expect(plan.value.range).toEqual({ row: 1, col: 0, rows: 3, cols: 6 });
    expect(plan.value.tableRange).toEqual({ row: 1, col: 0, rows: 3, cols: 9 });
    expect(plan.value.computed.map((c) => c.header)).toEqual(["Score", "Grade", "Pace"]);
    // Structured references to the formula's own row, which sorting cannot break.
    expect(plan.value.computed[0].formulas).toEqual(["=ALTITUDE.OKRSCORE([@Start],[@Target],[@Current])", "=ALTITUDE.OKRSCORE([@Start],[@Target],[@Current])"]);
    expect(plan.value.computed[1].formulas[1]).toBe("=ALTITUDE.OKRGRADE([@Score])");
  });

  it("fills the period down so every row's pace uses its quarter's dates", () => {
    const plan = planTableConversion(okrSheet, okr, DEFAULT_SETTINGS);
    if (!plan.ok) throw new Error(plan.message);
    expect(plan.value.computed[2].formulas).toEqual([
      "=ALTITUDE.OKRPACE([@Score],DATE(2026,7,1),DATE(2026,9,30))",
      "=ALTITUDE.OKRPACE([@Score],DATE(2026,7,1),DATE(2026,9,30))",
    ]);
  });

  it("colours grade and pace and offers drop-downs for type and commitment", () => {
    const sheet = makeSheet("OKRs", [
      ["Key result", "Type", "Commitment", "Start", "Target", "Current"],
      ["A", "increase", "committed", 0, 10, 5],
    ]);
    const plan = planTableConversion(sheet, recognised({ headerRow: 1, columns: { keyResult: 0, type: 1, commitment: 2, start: 3, target: 4, current: 5 } }), DEFAULT_SETTINGS);
    if (!plan.ok) throw new Error(plan.message);
    expect(plan.value.conditional.map((c) => [c.range.col, c.rules[0].equals])).toEqual([
      [7, "Green"],
      [8, "Done"],
    ]);
    expect(plan.value.validations.map((v) => [v.range.col, v.list[0]])).toEqual([
      [1, "increase"],
      [2, "aspirational"],
    ]);
    expect(plan.value.computed[1].formulas[0]).toBe("=ALTITUDE.OKRGRADE([@Score],[@Commitment])");
  });

  it("grades a key result by its objective's commitment carried down from above, as the analysis does", () => {
    const sheet = makeSheet("OKRs", [
      ["Objective", "Key result", "Commitment", "Start", "Target", "Current"],
      ["Ship payroll", "Migrate 10 clients", "committed", 0, 10, 5],
      ["", "Cut errors from 12 to 2", "", 12, 2, 5],
      ["Grow", "Reach 50 customers", "", 0, 50, 10],
    ]);
    const plan = planTableConversion(sheet, recognised({ headerRow: 1, columns: { objective: 0, keyResult: 1, commitment: 2, start: 3, target: 4, current: 5 } }), DEFAULT_SETTINGS);
    if (!plan.ok) throw new Error(plan.message);
    // The carried commitment is written as its value: a reference to the objective's row would break on sorting.
    expect(plan.value.computed[1].formulas).toEqual(["=ALTITUDE.OKRGRADE([@Score],[@Commitment])", '=ALTITUDE.OKRGRADE([@Score],"committed")', "=ALTITUDE.OKRGRADE([@Score],[@Commitment])"]);
  });

  describe("KPI and KRA formulas", () => {
    const kpi = (columns: Record<string, number>) => recognised({ kind: "kpi", headerRow: 1, columns });
    const kra = (columns: Record<string, number>) => recognised({ kind: "kra", headerRow: 1, columns });
    const plan = (sheet: ReturnType<typeof makeSheet>, how: RecognisedSheet) => {
      const planned = planTableConversion(sheet, how, DEFAULT_SETTINGS);
      if (!planned.ok) throw new Error(planned.message);
      return planned.value;
    };
    const formulasOf = (sheet: ReturnType<typeof makeSheet>, how: RecognisedSheet, header: string) => plan(sheet, how).computed.find((c) => c.header === header)?.formulas;
    const datedKpis = makeSheet("KPIs", [
      ["KPI", "Owner", "Floor", "Target", "Period", "Actual"],
      ["Time to hire", "Ana", 45, 30, 46204, 50],
      ["Offer rate", "Ben", 0.7, 0.9, 46204, 0.8],
      ["Time to hire", "Ana", 45, 30, 46235, 38],
    ]);
    const datedColumns = { kpi: 0, owner: 1, floor: 2, target: 3, period: 4, actual: 5 };
    const TREND =
      "=LET(at,[@Period],same,([KPI]=[@KPI])*([Owner]=[@Owner])*ISNUMBER([Period])," +
      "prior,IF(ISNUMBER(at),IFERROR(MAX(FILTER([Period],same*([Period]<at))),0),0)," +
      'before,XLOOKUP(1,same*([Period]=prior),[Actual],""),' +
      'IF(OR(before="",[@Actual]=""),"Flat",ALTITUDE.KPITREND(CHOOSE({1,2},before,[@Actual]),' +
      'IF(AND(ISNUMBER([@Floor]),ISNUMBER([@Target])),IF([@Target]<[@Floor],"lower","higher"),""),[@Floor])))';

    it("finds a reading's previous one by KPI, owner and period over the table's own columns, the same formula on every row", () => {
      expect(formulasOf(datedKpis, kpi(datedColumns), "Status")).toEqual(Array(3).fill("=ALTITUDE.KPISTATUS([@Actual],[@Floor],[@Target])"));
      expect(formulasOf(datedKpis, kpi(datedColumns), "Trend")).toEqual(Array(3).fill(TREND));
      expect(plan(datedKpis, kpi(datedColumns)).computed.map((c) => c.header)).toEqual(["Status", "Trend"]);
    });

    const continued = makeSheet("KPIs", [
      ["KPI", "Owner", "Floor", "Target", "Period", "Actual"],
      ["Time to hire", "Ana", 45, 30, "2026-07", 50],
      ["", "", "", "", "", 38],
      ["", "", "", 28, "Sep 2026", 29],
      ["Offer rate", "", "", 0.9, "2026-07", 0.8],
      ["Hires", "Cy", 5, 10, "no idea", 7],
    ]);

    it("adds the keys a row carries from above, and text periods' start dates, as columns of values", () => {
      const planned = plan(continued, kpi(datedColumns));
      expect(planned.computed.map((c) => [c.header, c.numberFormat, c.asRead])).toEqual([
        ["Status", null, false],
        ["Trend", null, false],
        ["KPI as read", null, true],
        ["Owner as read", null, true],
        ["Period start", "yyyy-mm-dd", true],
      ]);
      expect(planned.computed.slice(2).map((c) => c.formulas)).toEqual([
        ['="Time to hire"', '="Time to hire"', '="Time to hire"', '="Offer rate"', '="Hires"'],
        // A named KPI with a blank owner has none: the owner continues only under a blank name.
        ['="Ana"', '="Ana"', '="Ana"', '=""', '="Cy"'],
        ["=DATE(2026,7,1)", "=DATE(2026,7,1)", "=DATE(2026,9,1)", "=DATE(2026,7,1)", '=""'],
      ]);
      expect(planned.computed[1].formulas[0]).toContain("same,([[KPI as read]]=[@[KPI as read]])*([[Owner as read]]=[@[Owner as read]])*ISNUMBER([[Period start]])");
    });

    it("reads a continued KPI's floor and target from the row above as values, as the analysis does", () => {
      expect(formulasOf(continued, kpi(datedColumns), "Status")).toEqual([
        "=ALTITUDE.KPISTATUS([@Actual],[@Floor],[@Target])",
        "=ALTITUDE.KPISTATUS([@Actual],45,30)",
        "=ALTITUDE.KPISTATUS([@Actual],45,[@Target])",
        "=ALTITUDE.KPISTATUS([@Actual],[@Floor],[@Target])",
        "=ALTITUDE.KPISTATUS([@Actual],[@Floor],[@Target])",
      ]);
      // Both bounds carried: the direction is decided now, as they cannot change on this row.
      expect(formulasOf(continued, kpi(datedColumns), "Trend")?.[1]).toMatch(/,"lower",45\)\)\)$/);
    });

    it.each([
      [
        "a band (floor and ceiling, no target) passes both, for KPITREND to read toward their middle",
        [["KPI", "Floor", "Ceiling", "Period", "Actual"], ["Speed", 224, 228, 46204, 226]],
        { kpi: 0, floor: 1, ceiling: 2, period: 3, actual: 4 },
        "CHOOSE({1,2},before,[@Actual]),,[@Floor],[@Ceiling])))",
      ],
      [
        "a floor, target and ceiling pass the direction the floor and target say, so the ceiling does not make a band",
        [["KPI", "Floor", "Target", "Ceiling", "Period", "Actual"], ["Speed", 220, 226, 230, 46204, 226]],
        { kpi: 0, floor: 1, target: 2, ceiling: 3, period: 4, actual: 5 },
        'IF(AND(ISNUMBER([@Floor]),ISNUMBER([@Target])),IF([@Target]<[@Floor],"lower","higher"),""),[@Floor],[@Ceiling])))',
      ],
      [
        "a stated direction comes first, and a blank one falls back to floor and target",
        [["KPI", "Floor", "Target", "Direction", "Period", "Actual"], ["Churn", 5, 3, "lower", 46204, 4]],
        { kpi: 0, floor: 1, target: 2, direction: 3, period: 4, actual: 5 },
        'IF([@Direction]="",IF(AND(ISNUMBER([@Floor]),ISNUMBER([@Target])),IF([@Target]<[@Floor],"lower","higher"),""),[@Direction]),[@Floor])))',
      ],
      [
        "a continued KPI whose Direction cell is blank on its first row reads the direction from floor and target",
        [["KPI", "Floor", "Target", "Direction", "Period", "Actual"], ["Churn", 5, 3, "", 46204, 4], ["", "", "", "", 46235, 3]],
        { kpi: 0, floor: 1, target: 2, direction: 3, period: 4, actual: 5 },
        'IF([@Direction]="",IF(AND(ISNUMBER([@Floor]),ISNUMBER([@Target])),IF([@Target]<[@Floor],"lower","higher"),""),[@Direction]),[@Floor])))',
      ],
      ["no Period column says so, as no order of rows survives sorting", [["KPI", "Actual"], ["NPS", 40]], { kpi: 0, actual: 1 }, '="Needs a Period column"'],
    ])("Trend: %s", (_name, values, columns, ending) => {
      expect(formulasOf(makeSheet("KPIs", values), kpi(columns), "Trend")?.[0].endsWith(ending)).toBe(true);
    });

    it.each([
      [
        "by employee and review period over the table's own columns",
        [["Employee", "Review period", "Weight", "Rating"], ["Ana", 2026, 40, 4], ["Ana", 2026, 60, 3]],
        { employee: 0, period: 1, weight: 2, rating: 3 },
        '=LET(mine,([Employee]=[@Employee])*([[Review period]]=[@[Review period]]),ALTITUDE.KRASCORE(FILTER(IF([Rating]="","",[Rating]),mine),FILTER(IF([Weight]="","",[Weight]),mine)))',
      ],
      [
        "by the name as read when it is written once above the person's areas",
        [["Employee", "Weight", "Rating"], ["Ana", 40, 4], ["", 60, 3]],
        { employee: 0, weight: 1, rating: 2 },
        '=LET(mine,([[Employee as read]]=[@[Employee as read]]),ALTITUDE.KRASCORE(FILTER(IF([Rating]="","",[Rating]),mine),FILTER(IF([Weight]="","",[Weight]),mine)))',
      ],
      [
        "by the review period as read when it is written once for everyone",
        [["Employee", "Review period", "Weight", "Rating"], ["Ana", 2026, 40, 4], ["Ben", "", 60, 3]],
        { employee: 0, period: 1, weight: 2, rating: 3 },
        '=LET(mine,([Employee]=[@Employee])*([[Review period as read]]=[@[Review period as read]]),ALTITUDE.KRASCORE(FILTER(IF([Rating]="","",[Rating]),mine),FILTER(IF([Weight]="","",[Weight]),mine)))',
      ],
      [
        "over the whole table for a sheet of one person (no Employee column)",
        [["Area", "Weight", "Rating"], ["Hiring", 40, 4], ["Culture", 60, 3]],
        { area: 0, weight: 1, rating: 2 },
        '=ALTITUDE.KRASCORE(IF([Rating]="","",[Rating]),IF([Weight]="","",[Weight]))',
      ],
      ["as blank without a Rating column", [["Employee", "Weight"], ["Ana", 40]], { employee: 0, weight: 1 }, '=""'],
    ])("Person score: %s", (_name, values, columns, formula) => {
      const formulas = formulasOf(makeSheet("KRAs", values), kra(columns), "Person score");
      expect(formulas).toEqual(Array(values.length - 1).fill(formula));
    });

    it("reads a continued row's direction from its carried floor and target when no direction was written", () => {
      const sheet = makeSheet("KPIs", [["KPI", "Floor", "Target", "Direction", "Period", "Actual"], ["Churn", 5, 3, "", 46204, 4], ["", "", "", "", 46235, 3]]);
      expect(formulasOf(sheet, kpi({ kpi: 0, floor: 1, target: 2, direction: 3, period: 4, actual: 5 }), "Trend")?.[1]).toMatch(/,"lower",5\)\)\)$/);
    });

    it("refers to a computed column by the name Excel gives it when the sheet already has a column of that name", () => {
      const sheet = makeSheet("OKRs", [
        ["Key result", "Start", "Target", "Current", "Score"],
        ["A", 0, 10, 5, "own"],
      ]);
      const planned = plan(sheet, recognised({ headerRow: 1, columns: { keyResult: 0, start: 1, target: 2, current: 3 } }));
      expect(planned.columnNames.slice(4)).toEqual(["Score", "Score2", "Grade", "Pace"]);
      expect(planned.computed[1].formulas[0]).toBe("=ALTITUDE.OKRGRADE([@Score2])");
    });

    it("writes a carried number Excel cannot hold (Infinity) as a blank, never as the word Infinity in the formula", () => {
      const sheet = makeSheet("KPIs", [["KPI", "Target", "Ceiling", "Actual"], ["NPS", 45, Number.POSITIVE_INFINITY, 41], ["", "", "", 44]]);
      expect(formulasOf(sheet, kpi({ kpi: 0, target: 1, ceiling: 2, actual: 3 }), "Status")?.[1]).toBe('=ALTITUDE.KPISTATUS([@Actual],"",45,"")');
    });

    it("writes a carried name longer than Excel's 255-character text literal in pieces", () => {
      const name = "x".repeat(300);
      const sheet = makeSheet("KPIs", [["KPI", "Period", "Actual"], [name, 46204, 1], ["", 46235, 2]]);
      const helper = plan(sheet, kpi({ kpi: 0, period: 1, actual: 2 })).computed.find((c) => c.header === "KPI as read");
      expect(helper?.formulas[1]).toBe(`="${"x".repeat(255)}"&"${"x".repeat(45)}"`);
    });
  });

  // Every computed formula names cells by structured references only, so sorting or inserting a row cannot break it.
  it.each([
    ["an OKR sheet", makeSheet("OKRs", [["Objective", "Key result", "Commitment", "Start", "Target", "Current", "Period"], ["Grow", "A", "committed", 0, 10, 5, "2026-Q3"], ["", "B", "", 1, 2, 1, ""]]), recognised({ headerRow: 1, columns: { objective: 0, keyResult: 1, commitment: 2, start: 3, target: 4, current: 5, period: 6 } })],
    ["a KPI sheet with continued names and text periods", makeSheet("KPIs", [["KPI", "Floor", "Target", "Period", "Actual"], ["T", 45, 30, "2026-07", 50], ["", "", "", "2026-08", 38]]), recognised({ kind: "kpi", headerRow: 1, columns: { kpi: 0, floor: 1, target: 2, period: 3, actual: 4 } })],
    ["a KRA sheet with names written once", makeSheet("KRAs", [["Employee", "Weight", "Rating"], ["Ana", 40, 4], ["", 60, 3], ["Ben", 100, 3]]), recognised({ kind: "kra", headerRow: 1, columns: { employee: 0, weight: 1, rating: 2 } })],
  ])("refers to no cell by its address on %s", (_name, sheet, how) => {
    const planned = planTableConversion(sheet, how, DEFAULT_SETTINGS);
    if (!planned.ok) throw new Error(planned.message);
    const addresses = planned.value.computed.flatMap((c) => c.formulas.map((f) => f.replace(/"(?:[^"]|"")*"|\[(?:[^[\]]|\[[^\]]*\])*\]/g, "")).filter((f) => /(?<![A-Za-z_.])\$?[A-Z]{1,3}\$?\d+(?![\d(])/.test(f)));
    expect(addresses).toEqual([]);
  });

  it("refuses a sheet with a header and no rows", () => {
    const plan = planTableConversion(makeSheet("OKRs", [["Key result", "Target"]]), recognised({ headerRow: 1, columns: { keyResult: 0, target: 1 } }), DEFAULT_SETTINGS);
    expect(plan).toMatchObject({ ok: false, message: expect.stringContaining("no rows") });
  });

  it.each([
    ["OKRs 2026", "Altitude_OKRs_2026"],
    ["Check-ins", "Altitude_Check_ins"],
    ["***", "Altitude_Table"],
  ])("names the table of %s %s", (sheet, name) => {
    expect(tableNameFor(sheet)).toBe(name);
  });
});
