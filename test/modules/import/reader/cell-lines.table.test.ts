import { describe, expect, it } from "vitest";
import { tablesFromCellLines } from "../../../../src/modules/import/reader/cell-lines.table.js";

const texts = (text: string) =>
  tablesFromCellLines(text).tables.map((t) => t.rows.map((r) => r.cells.map((c) => c.text)));

describe("tables pasted one cell per line", () => {
  it("keeps a header cell the vocabulary does not know between ones it does, and an empty line is a cell of its own", () => {
    const lines = ["Ref", "What the peer team said", "Action", "Lead officer", "Due date", "RAG"];
    const months = ["March 2025", "June 2025", "September 2025"];
    for (let r = 1; r <= 6; r++)
      for (let a = 0; a < 3; a++)
        lines.push(
          a === 0 ? `(${r})` : "",
          a === 0 ? `Develop the council's approach to priority number ${r} with its partners` : "",
          `${"abc"[a]}) Agree the plan for priority ${r}, step ${a + 1}, with the Cabinet`,
          "Director of Finance",
          months[a]!,
          a === 1 ? "" : "Green",
        );
    const text = lines.join("\n");
    const [table] = texts(text);
    // Six columns, as the header prints them; the blank ref and recommendation cells are empty, not
    // the start of the action below them.
    expect(table!.map((row) => row.length)).toEqual(Array<number>(19).fill(6));
    expect(table![2]).toEqual([
      "",
      "",
      "b) Agree the plan for priority 1, step 2, with the Cabinet",
      "Director of Finance",
      "June 2025",
      "",
    ]);
    expect(table![4]![0]).toBe("(2)");
  });

  it("takes the longest header cell it cannot name for the recommendation when none names it, merged over its rows", () => {
    const lines = ["Action owner", "Priority area", "What the peer team said", "RAG", "Action(s)"];
    for (let r = 1; r <= 5; r++)
      for (let a = 1; a <= 2; a++) {
        lines.push("Director of Finance");
        // Merged cells are printed once, on the recommendation's first row.
        if (a === 1) lines.push("Governance", `Strengthen the council's arrangements for priority ${r} with partners`);
        lines.push(a === 1 ? "Green" : "Red", `Agree the plan for priority ${r}, step ${a}, with the Cabinet`);
      }
    const [table] = texts(lines.join("\n"));
    // A column named only by inference is labelled with its role.
    expect(table![0]).toEqual(["Action owner", "Priority area", "Recommendation", "RAG", "Action(s)"]);
    expect(table!.slice(1, 3)).toEqual([
      [
        "Director of Finance",
        "Governance",
        "Strengthen the council's arrangements for priority 1 with partners",
        "Green",
        "Agree the plan for priority 1, step 1, with the Cabinet",
      ],
      ["Director of Finance", "Red", "Agree the plan for priority 1, step 2, with the Cabinet"],
    ]);
  });
});
