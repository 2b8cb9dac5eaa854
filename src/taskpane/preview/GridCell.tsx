/** One cell of the preview grid: its value as Excel shows it, its colours, and a link that moves to its target. */
import { Link, mergeClasses } from "@fluentui/react-components";
import { columnLetter } from "../../app";
import type { RawCell } from "../../core/model";
import type { HyperlinkState } from "../../hosts/excel-stand-in";
import { displayValue, linkTarget, type Colours } from "./cells";
import { useGridStyles } from "./grid-styles";

export interface GridCellProps {
  row: number;
  col: number;
  value: RawCell;
  formula: string | null;
  format: string;
  link: HyperlinkState | undefined;
  colours: Colours | null;
  header: boolean;
  selected: boolean;
  onFollow(sheet: string, cell: string): void;
}

export function GridCell({ row, col, value, formula, format, link, colours, header, selected, onFollow }: GridCellProps) {
  const styles = useGridStyles();
  const shown = formula && value === "" ? formula : displayValue(value, format);
  const target = link ? linkTarget(link) : null;
  return (
    <td
      className={mergeClasses(styles.cell, header && styles.tableHeader, selected && styles.selected)}
      title={formula ?? undefined}
      data-cell={`${columnLetter(col)}${row + 1}`}
      data-selected={selected || undefined}
      style={colours ? { backgroundColor: colours.fill, color: colours.color } : undefined}
    >
      {target ? (
        <Link as="button" inline onClick={() => onFollow(target.sheet, target.cell)} title={`Go to ${link?.documentReference ?? ""}`}>
          {link?.textToDisplay ?? shown}
        </Link>
      ) : (
        shown
      )}
    </td>
  );
}
