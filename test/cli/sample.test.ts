import { promises as fs } from "node:fs";
import { SAMPLE_PATH, buildSampleWorkbook, sampleBytes } from "../../scripts/make-sample";

describe("the sample workbook", () => {
  it("is exactly what `npm run sample` generates, byte for byte", async () => {
    const committed = await fs.readFile(SAMPLE_PATH);
    expect((await sampleBytes()).equals(committed)).toBe(true);
  });

  it("has the goal sheets and a Notes sheet, the OKR header below a title row", () => {
    const workbook = buildSampleWorkbook();
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(["OKRs", "KPIs", "KRAs", "Check-ins", "Notes"]);
    const okrs = workbook.getWorksheet("OKRs")!;
    expect(okrs.getCell("A1").value).toBe("Company, team and individual OKRs — 2026");
    expect(okrs.getRow(3).values).toEqual([undefined, "Period", "Level", "Team", "Objective", "Key Result", "Owner", "Type", "Start", "Target", "Current", "Weight", "Commitment"]);
    expect(okrs.getCell("H7").numFmt).toBe("0.0%");
  });
});
