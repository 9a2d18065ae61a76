/**
 * A table copied from a web page or a PDF into plain text often arrives one cell per line: the
 * header's cells on consecutive lines, then each row's cells, an empty cell as an empty line. This
 * rebuilds such runs into table blocks of the model, so the table reader reads them like any table.
 */
import type { TableBlock, TableCell } from "../document/document.model.js";
import { roleOfHeaderCell } from "../parsers/columns.js";
import { cleanText } from "../normalise/text.normaliser.js";
import { wordCount } from "./field.evidence.js";
import { keywordRole } from "./header-cell.js";

/** A header has at least this many cells (fewer could be a heading and a sentence). */
const minColumns = 3;
const maxColumns = 12;
const maxHeaderCellWords = 6;

function isHeaderCell(line: string): boolean {
  const text = cleanText(line);
  // "Who: Chief Executive" is a labelled value, not a column's name.
  if (text === "" || wordCount(text) > maxHeaderCellWords || /[.!?]$/.test(text) || /:\s*\S/.test(text)) return false;
  return roleOfHeaderCell(text) !== null || keywordRole(text) !== undefined;
}

/** Lines of one run: the header's width, then whole rows until the run stops making rows. */
function readRun(lines: readonly string[], start: number, width: number): { table: TableBlock; end: number } | null {
  const row = (from: number, header: boolean) => {
    const cells: TableCell[] = [];
    for (let c = 0; c < width; c++) {
      const line = from + c;
      cells.push({ text: cleanText(lines[line] ?? ""), colSpan: 1, rowSpan: 1, source: { line: line + 1 } });
    }
    return { header, cells, source: { line: from + 1 } };
  };
  const rows = [row(start, true)];
  let at = start + width;
  // Blank lines between the header and the first row, or between rows, are layout, not cells,
  // only when a whole row's worth of them would be empty: skip single runs before the first row.
  while (at < lines.length && cleanText(lines[at]!) === "" && rows.length === 1) at++;
  while (at + width <= lines.length) {
    const candidate = row(at, false);
    const filled = candidate.cells.filter((c) => c.text !== "").length;
    // A row that is mostly empty, or that begins with a new header cell run, ends the table.
    if (filled < Math.ceil(width / 2)) break;
    if (candidate.cells.every((c) => c.text === "" || isHeaderCell(c.text)) && filled >= minColumns) break;
    rows.push(candidate);
    at += width;
  }
  if (rows.length < 2) return null;
  return { table: { kind: "table", rows, source: { line: start + 1 } }, end: at };
}

export function tablesFromCellLines(text: string): TableBlock[] {
  const lines = text.split("\n");
  const tables: TableBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    let run = 0;
    while (i + run < lines.length && run < maxColumns && isHeaderCell(lines[i + run]!)) run++;
    if (run >= minColumns) {
      const read = readRun(lines, i, run);
      if (read) {
        tables.push(read.table);
        i = read.end;
        continue;
      }
    }
    i += Math.max(1, run);
  }
  return tables;
}
