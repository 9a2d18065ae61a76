/** Small builders for hand-written document models: each block gets the next line of an imaginary source. */
import type {
  Block,
  DocumentFormat,
  DocumentModel,
  TableBlock,
  TableCell,
} from "../../../../src/modules/import/document/document.model.js";

export class ModelWriter {
  private line = 0;
  readonly blocks: Block[] = [];

  heading(text: string, level = 2): this {
    this.blocks.push({ kind: "heading", level, text, source: { line: ++this.line } });
    return this;
  }

  paragraph(text: string): this {
    this.blocks.push({ kind: "paragraph", text, source: { line: ++this.line } });
    return this;
  }

  item(text: string, depth = 0, marker: string | null = null, ordered = false): this {
    this.blocks.push({ kind: "listItem", depth, ordered, marker, text, source: { line: ++this.line } });
    return this;
  }

  /**
   * Rows of cells; a cell is its text, [text, rowSpan, colSpan], or { fill } for an empty cell with a
   * background colour. The first row is marked header when `header`.
   */
  table(rows: (string | [string, number, number?] | { fill: string })[][], header = true): this {
    const start = ++this.line;
    const table: TableBlock = {
      kind: "table",
      source: { line: start },
      rows: rows.map((cells, r) => {
        const line = r === 0 ? start : ++this.line;
        return {
          header: header && r === 0,
          source: { line },
          cells: cells.map((cell, c): TableCell => {
            const source = { line, cell: `r${r + 1}c${c + 1}` };
            if (typeof cell === "object" && !Array.isArray(cell))
              return { text: "", rowSpan: 1, colSpan: 1, fill: cell.fill, source };
            const [text, rowSpan, colSpan] = typeof cell === "string" ? [cell, 1, 1] : [cell[0], cell[1], cell[2] ?? 1];
            return { text, rowSpan, colSpan, source };
          }),
        };
      }),
    };
    this.blocks.push(table);
    return this;
  }

  model(format: DocumentFormat = "HTML", title: string | null = null): DocumentModel {
    const text = this.blocks
      .map((b) => (b.kind === "table" ? b.rows.map((r) => r.cells.map((c) => c.text).join("\t")).join("\n") : b.text))
      .join("\n");
    return { format, title, blocks: this.blocks, text, warnings: [] };
  }
}
