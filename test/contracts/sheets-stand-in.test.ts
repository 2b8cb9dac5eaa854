// The workbook contract suite Excel is held to, against the in-memory Google Sheets:
// the contracts that apply to Sheets pass, and those about what Sheets lacks
// (tables, change events, Excel's sheet-name rules and function error codes) say why not.
import { CONTRACTS } from "../../src/contracts/contracts";
import { runContracts } from "../../src/contracts/run";
import { createSheetsStandIn } from "../../src/hosts/sheets-stand-in";
import { SHEETS_LACKS, sheetsContractHost } from "../../src/sheets/contract-host";

function standIn() {
  const spreadsheet = createSheetsStandIn({ sheets: { OKRs: [["Objective"], ["Grow"]] } });
  return { spreadsheet, host: sheetsContractHost(spreadsheet.app, spreadsheet.formatDate, "Sheets stand-in") };
}

describe("the workbook contracts against the Sheets stand-in", () => {
  it.each(CONTRACTS.filter((c) => !c.needs || !(c.needs in SHEETS_LACKS)).map((c) => [c.title, c] as const))("%s", async (_title, contract) => {
    const { spreadsheet, host } = standIn();
    const [result] = await runContracts(host, [contract]);
    expect(result).toMatchObject({ id: contract.id, passed: true });
    expect(result.notApplicable).toBeUndefined();
    expect(spreadsheet.book.sheets.map((s) => s.name)).toEqual(["OKRs"]);
  });

  it.each(CONTRACTS.filter((c) => c.needs && c.needs in SHEETS_LACKS).map((c) => [c.title, c] as const))("does not apply: %s", async (_title, contract) => {
    const { host } = standIn();
    const [result] = await runContracts(host, [contract]);
    expect(result.notApplicable).toBe(SHEETS_LACKS[contract.needs as keyof typeof SHEETS_LACKS]);
  });

  it("keeps at least the contracts about text, payload and errors applying to Sheets", () => {
    const applying = CONTRACTS.filter((c) => !c.needs || !(c.needs in SHEETS_LACKS)).map((c) => c.id);
    expect(applying).toEqual(expect.arrayContaining(["payload-cap", "text-stays-text", "typed-formula", "errors-come-back"]));
  });
});
