import { render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { NotRead } from "../../src/taskpane/views/NotRead";
import { makeHost, renderPane } from "./host-builder";

describe("NotRead", () => {
  const show = (props: Parameters<typeof NotRead>[0]) =>
    render(
      <FluentProvider theme={webLightTheme}>
        <NotRead {...props} />
      </FluentProvider>,
    );

  it("lists each sheet not read and each reason rows were skipped", () => {
    show({
      notRead: [{ sheet: "Notes", reason: "the sheet is empty" }],
      skipped: [{ sheet: "KPIs", rows: [12, 13, 14], reason: "summary row (Total)" }],
    });
    const items = within(screen.getByRole("list", { name: "Not read" })).getAllByRole("listitem").map((li) => li.textContent);
    expect(items).toEqual(["Notes not read: the sheet is empty", "KPIs rows 12–14 summary row (Total)"]);
  });

  it("says so when everything was read", () => {
    show({ notRead: [], skipped: [] });
    expect(screen.getByText("Every row with content was read.")).toBeTruthy();
  });
});

describe("the Overview's Not read list", () => {
  it("shows the workbook's total row and the sheet left alone, with why", async () => {
    const { host } = makeHost([
      { name: "KPIs", values: [["KPI", "Owner", "Target", "Actual"], ["NPS", "Ana", 45, 47], ["Total", "", 45, 47]] },
      { name: "Notes", values: [["Remember the offsite"]] },
    ]);
    renderPane(host);
    const list = await screen.findByRole("list", { name: "Not read" });
    const items = within(list).getAllByRole("listitem").map((li) => li.textContent);
    expect(items).toEqual([expect.stringMatching(/^Notes not read: no header row with the columns of a goal sheet/), "KPIs row 3 summary row (Total)"]);
  });
});
