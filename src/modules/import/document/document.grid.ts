import type { TableBlock, TableCell } from "./document.model.js";

/** A merged cell's every covered position points at the one cell that was printed. */
export interface GridCell {
  cell: TableCell;
  /** True at the cell's own top-left position, false where a span carries it. */
  origin: boolean;
}

/**
 * Expands row and column spans into a rectangular grid, so that column `c` of every row is the same
 * column of the printed table. Positions nothing covers (ragged rows) are null.
 */
export function tableGrid(table: TableBlock): (GridCell | null)[][] {
  const grid: (GridCell | null)[][] = table.rows.map(() => []);
  table.rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row.cells) {
      while (grid[r]![c] !== undefined && grid[r]![c] !== null) c++;
      const rowSpan = Math.max(1, Math.min(cell.rowSpan, table.rows.length - r));
      const colSpan = Math.max(1, cell.colSpan);
      for (let dr = 0; dr < rowSpan; dr++) {
        for (let dc = 0; dc < colSpan; dc++) {
          grid[r + dr]![c + dc] = { cell, origin: dr === 0 && dc === 0 };
        }
      }
      c += colSpan;
    }
  });
  const width = Math.max(0, ...grid.map((row) => row.length));
  return grid.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? null));
}
