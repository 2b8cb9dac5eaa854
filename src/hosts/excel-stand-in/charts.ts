/**
 * Charts of the in-memory host: added over a source range, with a title, a
 * position and the fill of the first series' points.
 */
import type { ExcelChart, ExcelChartCollection } from "../../workbook/excel-api";
import { parseRange, rangeAddress } from "./address";
import type { FakeRequestContext } from "./context";
import { officeError } from "./errors";
import type { FakeRange } from "./ranges";
import type { ChartState, SheetHandle, WorkbookState } from "./state";

export class FakeChartCollection implements ExcelChartCollection {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly workbook: WorkbookState,
    private readonly sheet: SheetHandle,
  ) {}

  add(type: string, sourceData: FakeRange, seriesBy = "Auto"): FakeChart {
    const chart: ChartState = { name: "", type, source: "", seriesBy, title: "", position: null, pointColors: [] };
    this.context.enqueue({
      kind: "charts.add",
      payload: { type, seriesBy },
      apply: () => {
        const sheet = this.sheet.state();
        const { sheet: sourceSheet, rect } = sourceData.target();
        if (type === "Invalid" || type.length === 0) throw officeError("InvalidArgument", `Bad chart type ${type}.`);
        if (!["Auto", "Columns", "Rows"].includes(seriesBy)) throw officeError("InvalidArgument", `Bad seriesBy ${seriesBy}.`);
        chart.name = `Chart ${this.workbook.nextChartNumber++}`;
        chart.source = rangeAddress(sourceSheet.name, rect);
        sheet.charts.push(chart);
      },
    });
    return new FakeChart(this.sheet, chart);
  }
}

export class FakeChart implements ExcelChart {
  readonly title: { text: string };

  constructor(
    private readonly sheet: SheetHandle,
    private readonly chart: ChartState,
  ) {
    const change = (kind: string, payload: unknown, apply: () => void) => this.change(kind, payload, apply);
    this.title = {
      get text(): string {
        return chart.title;
      },
      set text(text: string) {
        change("chart.title.text", text, () => {
          chart.title = text;
        });
      },
    };
  }

  get name(): string {
    return this.chart.name;
  }
  set name(name: string) {
    this.change("chart.name", name, () => {
      this.chart.name = name;
    });
  }

  /** The first series' points; only their fill is modelled. */
  get series(): { getItemAt(index: number): { points: { getItemAt(point: number): { format: { fill: { setSolidColor(color: string): void } } } } } } {
    const change = (kind: string, payload: unknown, apply: () => void) => this.change(kind, payload, apply);
    const chart = this.chart;
    return {
      getItemAt: (index) => ({
        points: {
          getItemAt: (point) => ({
            format: {
              fill: {
                setSolidColor(color: string) {
                  change("chart.point.fill", { index, point, color }, () => {
                    if (index !== 0) throw officeError("InvalidArgument", "Only the first series is modelled.");
                    chart.pointColors[point] = color;
                  });
                },
              },
            },
          }),
        },
      }),
    };
  }

  setPosition(startCell: string, endCell?: string): void {
    this.change("chart.setPosition", { startCell, endCell }, () => {
      if (!parseRange(startCell) || (endCell !== undefined && !parseRange(endCell))) throw officeError("InvalidArgument", "Bad chart position.");
      this.chart.position = { start: startCell, end: endCell };
    });
  }

  private change(kind: string, payload: unknown, apply: () => void): void {
    this.sheet.context.enqueue({
      kind,
      payload,
      apply: () => {
        if (!this.sheet.state().charts.includes(this.chart)) throw officeError("ItemNotFound", "The chart does not exist.");
        apply();
      },
    });
  }
}
