// The workbook contract suite against the in-memory Excel stand-in: the same
// list a person runs against live Excel from Help › Diagnostics.
import { CONTRACTS, type Contract } from "../../src/contracts/contracts";
import type { ContractHost } from "../../src/contracts/host";
import { runContracts, SCRATCH_SHEET } from "../../src/contracts/run";
import { a1 } from "../../src/core/address";
import { createFakeExcel, type FakeExcel } from "../../src/hosts/excel-stand-in";
import { evaluateFormula } from "../../src/taskpane/preview/formulas";
import { createExcelContractHost } from "../../src/workbook/excel-contract-host";

function standIn(): { fake: FakeExcel; host: ContractHost } {
  let fake: FakeExcel | null = null;
  const read = (sheet: string, row: number, col: number) => fake?.getSheet(sheet)?.cell(a1(row, col)).value ?? "";
  fake = createFakeExcel({ sheets: [{ name: "OKRs", values: [["Objective"], ["Grow"]] }] }, { evaluate: (formula, sheet, row, col) => evaluateFormula(formula, sheet, read, a1(row, col)) });
  return { fake, host: createExcelContractHost(fake.Excel, { name: "Excel stand-in", requirements: fake.Office.context.requirements, pollMs: 1 }) };
}

describe("the workbook contracts against the Excel stand-in", () => {
  it.each(CONTRACTS.map((contract) => [`${contract.title} (${contract.source})`, contract] as const))("%s", async (_name, contract) => {
    const { fake, host } = standIn();
    const [result] = await runContracts(host, [contract]);
    expect(result).toMatchObject({ id: contract.id, passed: true });
    // The scratch sheet is gone and the user's sheet untouched.
    expect(fake.sheetNames()).toEqual(["OKRs"]);
    expect(fake.getSheet("OKRs")?.values).toEqual([["Objective"], ["Grow"]]);
  });
});

describe("runContracts", () => {
  it("reports a failure with what the host answered and still removes the scratch sheet", async () => {
    const { fake, host } = standIn();
    const failing: Contract = {
      id: "boom",
      title: "fails half-way",
      source: "none",
      run: async (h, scratch) => {
        await h.typeCells(scratch, { row: 0, col: 0 }, [["x"]]);
        await h.readSheet("No such sheet");
        return "unreachable";
      },
    };
    const seen: number[] = [];
    const results = await runContracts(host, [failing, CONTRACTS[2]], { onResult: (_r, done) => seen.push(done) });
    expect(results.map((r) => r.passed)).toEqual([false, true]);
    expect(results[0].answered).toMatch(/ItemNotFound/);
    expect(seen).toEqual([1, 2]);
    expect(fake.sheetNames()).not.toContain(SCRATCH_SHEET);
  });

  it("fails text-stays-text on a host that writes user text unguarded, so the suite can tell a lax host", async () => {
    const { host } = standIn();
    const lax: ContractHost = { ...host, writeText: (sheet, at, rows) => host.typeCells(sheet, at, rows) };
    const [result] = await runContracts(lax, CONTRACTS.filter((c) => c.id === "text-stays-text"));
    expect(result.passed).toBe(false);
    expect(result.answered).toMatch(/=1\+1 → /);
  });

  it("fails the table-lookup contract on a host that leaves an inserted table row without the column's formula", async () => {
    const { host } = standIn();
    const bare: ContractHost = {
      ...host,
      // Rows written into place rather than inserted into the table: no calculated column reaches them.
      insertTableRows: async (table, index, rows) => {
        const where = await host.tableRange(table);
        await host.insertTableRows(table, index, rows);
        await host.typeCells(SCRATCH_SHEET, { row: where.row + 1 + index, col: 3 }, [[""]]);
      },
    };
    const [result] = await runContracts(bare, CONTRACTS.filter((c) => c.id === "table-lookups-follow-rows"));
    expect(result).toMatchObject({ passed: false, answered: "a3: blank instead of 20" });
  });

  it("fails the event contract on a host that reports no change", async () => {
    const { host } = standIn();
    const deaf: ContractHost = { ...host, reportsChange: async (change) => (await change(), false) };
    const [result] = await runContracts(deaf, CONTRACTS.filter((c) => c.id === "change-events"));
    expect(result).toMatchObject({ passed: false, answered: "no change event within 3 seconds" });
  });
});
