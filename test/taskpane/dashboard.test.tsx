import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { makeHost, renderPane } from "./host-builder";

describe("Overview dashboard", () => {
  it("draws each chart with its figures as buttons and a sentence for screen readers", async () => {
    const { host } = makeHost();
    renderPane(host);
    const grades = await screen.findByRole("region", { name: "Objectives by grade" });
    expect(grades.getAttribute("aria-describedby")).toBe("chart-grades-summary");
    expect(document.getElementById("chart-grades-summary")?.textContent).toBe("Objectives by grade: Green 1, Yellow 1, Red 0.");
    expect(within(grades).getAllByRole("button").map((b) => b.textContent)).toEqual(["Green 1", "Yellow 1", "Red 0"]);
    const teams = screen.getByRole("region", { name: "Average score by team" });
    expect(within(teams).getAllByRole("button").map((b) => b.textContent)).toEqual(["People 50%", "Sales 100%"]);
  });

  it("selects the rows behind a figure in the workbook and says which", async () => {
    const select = jest.fn(async () => undefined);
    const { host } = makeHost(undefined, { select });
    renderPane(host);
    const teams = await screen.findByRole("region", { name: "Average score by team" });
    fireEvent.click(within(teams).getByRole("button", { name: /^People: 50%/ }));
    await waitFor(() => expect(select).toHaveBeenCalledWith("OKRs", "A2:I3"));
    expect(screen.getByTestId("rows-behind").textContent).toContain("Average score by team, People: 2 rows. Selected OKRs!A2:I3.");
  });

  it("lists every block behind a figure when they are apart, each selectable", async () => {
    const select = jest.fn(async () => undefined);
    const { host } = makeHost(
      [
        {
          name: "OKRs",
          values: [
            ["Period", "Team", "Objective", "Key result", "Owner", "Type", "Start", "Target", "Current"],
            ["2026-Q3", "People", "Keep great people", "Reduce churn from 4.2% to 2.8%", "Ana López", "decrease", 0.042, 0.028, 0.028],
            ["2026-Q3", "Sales", "Win faster", "Cut the cycle from 50 to 40 days", "Ben Okafor", "decrease", 50, 40, 50],
            ["2026-Q3", "Finance", "Close faster", "Close the books in 5 days, not 9", "Cy Park", "decrease", 9, 5, 5],
          ],
        },
      ],
      { select },
    );
    renderPane(host);
    const grades = await screen.findByRole("region", { name: "Objectives by grade" });
    fireEvent.click(within(grades).getByRole("button", { name: /^Green: 2 objectives/ }));
    await waitFor(() => expect(select).toHaveBeenCalledWith("OKRs", "A2:I2"));
    const behind = screen.getByTestId("rows-behind");
    fireEvent.click(within(behind).getByRole("button", { name: "OKRs!A4:I4" }));
    await waitFor(() => expect(select).toHaveBeenLastCalledWith("OKRs", "A4:I4"));
  });

  it("says there is nothing behind a zero instead of selecting anything", async () => {
    const select = jest.fn(async () => undefined);
    const { host } = makeHost(undefined, { select });
    renderPane(host);
    const grades = await screen.findByRole("region", { name: "Objectives by grade" });
    fireEvent.click(within(grades).getByRole("button", { name: /^Red: 0/ }));
    expect((await screen.findByTestId("rows-behind")).textContent).toBe("Nothing behind Red: no objectives.");
    expect(select).not.toHaveBeenCalled();
  });
});
