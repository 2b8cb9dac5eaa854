/** The preview grid's look: Excel's headings, cells and selection, in the pane's theme. */
import { makeStyles, tokens } from "@fluentui/react-components";

const heading = {
  backgroundColor: tokens.colorNeutralBackground3,
  color: tokens.colorNeutralForeground2,
  fontWeight: tokens.fontWeightRegular,
  padding: "2px 6px",
  border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
};

export const useGridStyles = makeStyles({
  grid: { display: "flex", flexDirection: "column", minWidth: 0, flexGrow: 1, rowGap: tokens.spacingVerticalS },
  scroller: { position: "relative", overflow: "auto", border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, maxHeight: "calc(100vh - 140px)" },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, fontFamily: tokens.fontFamilyBase },
  head: { ...heading, position: "sticky", top: 0 },
  rowHead: { ...heading, textAlign: "right" },
  cell: {
    // Excel's default column is 64 pixels wide; empty columns keep it, so charts over them have room.
    minWidth: "52px",
    padding: "2px 6px",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    whiteSpace: "nowrap",
    maxWidth: "240px",
    overflow: "hidden",
    textOverflow: "ellipsis",
  },
  tableHeader: { fontWeight: tokens.fontWeightSemibold, backgroundColor: tokens.colorBrandBackground2 },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px" },
});
