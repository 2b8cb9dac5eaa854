/**
 * A value carried down a sheet: filled-down or merged cells arrive blank under
 * the first, so a row reads the value written above it.
 */
import type { FieldRef, SheetReader } from "./reader";

/**
 * A value carried down from the rows above, with the data row it was written on
 * (-1 while none is held). Updated in place: an object per carried cell per row
 * would be garbage for the collector on every record of a large sheet.
 *
 * @example
 * const team = new Carried("");
 * team.hold("Talent", 4);
 * team.take(5, reader.fields.team, reader, cells) // "Talent", and cells.team points at row 4's cell
 */
export class Carried<T> {
  value: T;
  row = -1;

  constructor(private readonly empty: T) {
    this.value = empty;
  }

  /** The value written on `row`, carried from now on. */
  hold(value: T, row: number): void {
    this.value = value;
    this.row = row;
  }

  /** Carries nothing any more (a new group starts): the value is empty again. */
  drop(): void {
    this.value = this.empty;
    this.row = -1;
  }

  /**
   * The value for row `r`: empty while none is held. A value written on another
   * row points the record's cell for `field` at the cell it came from.
   */
  take<F extends string>(r: number, field: FieldRef<F>, reader: SheetReader<F>, cells: Partial<Record<F, string>>): T {
    if (this.row >= 0 && this.row !== r) cells[field.name] = reader.borrowedAddress(field, this.row);
    return this.value;
  }
}
