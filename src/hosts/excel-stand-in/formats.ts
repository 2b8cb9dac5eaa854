/**
 * Formats of a range in the in-memory host: font, fill, borders, alignment,
 * column widths, conditional formats and data validation. Each setting is
 * queued on the range and checked when the request is applied, as Excel does.
 */
import type {
  ExcelConditionalFormat,
  ExcelConditionalFormatCollection,
  ExcelDataValidation,
  ExcelFont,
  ExcelRangeFormat,
} from "../../workbook/excel-api";
import { rangeAddress, type Rect } from "./address";
import { FakeOfficeError, officeError } from "./errors";
import type { ConditionalFormatState, SheetState } from "./state";

/** The part of a range proxy its formats need: queueing an operation on the range's cells. */
export interface FormatTarget {
  queue(kind: string, payload: unknown, apply: (sheet: SheetState, rect: Rect) => void): void;
}

class StyleProperty<T> {
  private value: T | undefined;

  constructor(
    private readonly range: FormatTarget,
    private readonly property: string,
    private readonly check: (value: T) => boolean,
  ) {}

  get(): T {
    if (this.value === undefined) {
      throw new FakeOfficeError("PropertyNotLoaded", `The property '${this.property}' is not available.`, `RangeFormat.${this.property}`);
    }
    return this.value;
  }

  set(value: T): void {
    this.value = value;
    this.range.queue("range.format", { property: this.property, value }, (sheet, rect) => {
      if (!this.check(value)) throw officeError("InvalidArgument", `Bad ${this.property}: ${String(value)}.`);
      sheet.styles.push({ address: rangeAddress(sheet.name, rect), property: this.property, value });
    });
  }
}

const isColor = (value: string) => /^#[0-9a-f]{6}$/i.test(value) || /^[a-z]+$/i.test(value);
const isBoolean = (value: boolean) => typeof value === "boolean";

class FakeFont implements ExcelFont {
  private readonly props;

  constructor(range: FormatTarget) {
    this.props = {
      bold: new StyleProperty<boolean>(range, "font.bold", isBoolean),
      italic: new StyleProperty<boolean>(range, "font.italic", isBoolean),
      size: new StyleProperty<number>(range, "font.size", (size) => size >= 1 && size <= 409),
      color: new StyleProperty<string>(range, "font.color", isColor),
    };
  }

  get bold(): boolean {
    return this.props.bold.get();
  }
  set bold(value: boolean) {
    this.props.bold.set(value);
  }
  get italic(): boolean {
    return this.props.italic.get();
  }
  set italic(value: boolean) {
    this.props.italic.set(value);
  }
  get size(): number {
    return this.props.size.get();
  }
  set size(value: number) {
    this.props.size.set(value);
  }
  get color(): string {
    return this.props.color.get();
  }
  set color(value: string) {
    this.props.color.set(value);
  }
}

class FakeFill {
  private readonly prop: StyleProperty<string>;

  constructor(range: FormatTarget) {
    this.prop = new StyleProperty<string>(range, "fill.color", isColor);
  }

  get color(): string {
    return this.prop.get();
  }
  set color(value: string) {
    this.prop.set(value);
  }
}

const BORDERS = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal", "DiagonalDown", "DiagonalUp"];
const LINE_STYLES = ["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"];

class FakeBorders {
  constructor(private readonly range: FormatTarget) {}

  getItem(index: string): { style: string } {
    if (!BORDERS.includes(index)) throw officeError("InvalidArgument", `Bad border ${index}.`);
    const prop = new StyleProperty<string>(this.range, `borders.${index}.style`, (style) => LINE_STYLES.includes(style));
    return {
      get style() {
        return prop.get();
      },
      set style(value: string) {
        prop.set(value);
      },
    };
  }
}

export class FakeRangeFormat implements ExcelRangeFormat {
  readonly font: FakeFont;
  readonly fill: FakeFill;
  readonly borders: FakeBorders;
  private readonly wrap: StyleProperty<boolean>;
  private readonly align: StyleProperty<string>;
  private width: number | undefined;

  constructor(private readonly range: FormatTarget) {
    this.font = new FakeFont(range);
    this.fill = new FakeFill(range);
    this.borders = new FakeBorders(range);
    this.wrap = new StyleProperty<boolean>(range, "wrapText", isBoolean);
    this.align = new StyleProperty<string>(range, "horizontalAlignment", (value) =>
      ["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"].includes(value),
    );
  }

  get wrapText(): boolean {
    return this.wrap.get();
  }
  set wrapText(value: boolean) {
    this.wrap.set(value);
  }
  get horizontalAlignment(): string {
    return this.align.get();
  }
  set horizontalAlignment(value: string) {
    this.align.set(value);
  }

  get columnWidth(): number {
    if (this.width === undefined) throw new FakeOfficeError("PropertyNotLoaded", "The property 'columnWidth' is not available.");
    return this.width;
  }
  set columnWidth(points: number) {
    this.width = points;
    this.range.queue("range.format", { property: "columnWidth", value: points }, (sheet, rect) => {
      if (!(points >= 0 && points <= 1800)) throw officeError("InvalidArgument", `Bad column width ${points}.`);
      for (let c = rect.col; c < rect.col + rect.cols; c++) sheet.columnWidths.set(c, points);
    });
  }

  autofitColumns(): void {
    this.range.queue("range.format.autofitColumns", null, (sheet, rect) => {
      sheet.autofitted.push(rangeAddress(sheet.name, rect));
    });
  }
}

export class FakeConditionalFormatCollection implements ExcelConditionalFormatCollection {
  constructor(private readonly range: FormatTarget) {}

  add(type: string): FakeConditionalFormat {
    const record: ConditionalFormatState = { address: "", type, rule: null, fill: null, fontColor: null };
    this.range.queue("conditionalFormats.add", type, (sheet, rect) => {
      if (!["CellValue", "ContainsText"].includes(type)) throw officeError("InvalidArgument", `Unsupported conditional format ${type}.`);
      record.address = rangeAddress(sheet.name, rect);
      sheet.conditionalFormats.push(record);
    });
    return new FakeConditionalFormat(this.range, record);
  }
}

/** Conditional format parts: `format.fill.color`, `format.font.color` and `rule`, for one of the two supported types. */
class FakeConditionalPart<Rule extends Record<string, unknown>> {
  readonly format;

  constructor(
    private readonly range: FormatTarget,
    private readonly record: ConditionalFormatState,
    private readonly type: string,
  ) {
    const setter = (property: "fill" | "fontColor") => (value: string) =>
      this.change(`conditionalFormat.format.${property}`, value, () => {
        if (!isColor(value)) throw officeError("InvalidArgument", `Bad colour ${value}.`);
        record[property] = value;
      });
    const fill = setter("fill");
    const font = setter("fontColor");
    this.format = {
      fill: {
        get color(): string {
          return record.fill ?? "";
        },
        set color(value: string) {
          fill(value);
        },
      },
      font: {
        get color(): string {
          return record.fontColor ?? "";
        },
        set color(value: string) {
          font(value);
        },
      },
    };
  }

  get rule(): Rule {
    throw new FakeOfficeError("PropertyNotLoaded", "The property 'rule' is not available.");
  }
  set rule(rule: Rule) {
    this.change("conditionalFormat.rule", rule, () => {
      this.record.rule = { ...rule };
    });
  }

  private change(kind: string, payload: unknown, apply: () => void): void {
    this.range.queue(kind, payload, () => {
      if (this.record.type !== this.type) throw officeError("InvalidOperation", `This conditional format is ${this.record.type}, not ${this.type}.`);
      apply();
    });
  }
}

type CellValueRule = { formula1: string; formula2?: string; operator: string };
type TextRule = { operator: string; text: string };

class FakeConditionalFormat implements ExcelConditionalFormat {
  readonly cellValue: FakeConditionalPart<CellValueRule>;
  readonly textComparison: FakeConditionalPart<TextRule>;

  constructor(range: FormatTarget, record: ConditionalFormatState) {
    this.cellValue = new FakeConditionalPart(range, record, "CellValue");
    this.textComparison = new FakeConditionalPart(range, record, "ContainsText");
  }
}

export class FakeDataValidation implements ExcelDataValidation {
  constructor(private readonly range: FormatTarget) {}

  get rule(): ExcelDataValidation["rule"] {
    throw new FakeOfficeError("PropertyNotLoaded", "The property 'rule' is not available.");
  }
  set rule(rule: ExcelDataValidation["rule"]) {
    this.range.queue("dataValidation.rule", rule, (sheet, rect) => {
      const source = rule.list?.source;
      // Excel caps an inline list at 255 characters.
      if (typeof source === "string" && (source.length === 0 || source.length > 255)) {
        throw officeError("InvalidArgument", "A list source has 1 to 255 characters.");
      }
      const address = rangeAddress(sheet.name, rect);
      const others = sheet.validations.filter((validation) => validation.address !== address);
      sheet.validations.length = 0;
      for (const validation of others) sheet.validations.push(validation);
      sheet.validations.push({ address, rule: JSON.parse(JSON.stringify(rule)) });
    });
  }
}
