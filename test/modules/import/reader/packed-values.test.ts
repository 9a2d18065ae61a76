import { describe, expect, it } from "vitest";
import type { PrintedLine } from "../../../../src/modules/import/document/document.model.js";
import { packedValues } from "../../../../src/modules/import/reader/packed-values.js";

/** Printed lines as a format reader hands them over: each text with how it follows the line above. */
function printed(...pieces: [string, PrintedLine["follows"]][]): PrintedLine[] {
  return pieces.map(([text, follows]) => ({ text, follows }));
}

describe("packedValues", () => {
  it("joins the wrapped halves of dates in a narrow column, one date per action", () => {
    // Eight printed lines, every break open: only reading each value as a date leaves four.
    const lines = printed(
      ["Q3", "new"],
      ["2024/25", "open"],
      ["Q3", "open"],
      ["2024-25", "open"],
      ["31", "open"],
      ["January 2023", "open"],
      ["Quarter 2", "open"],
      ["2024/25", "open"],
    );
    expect(packedValues(lines, 4, "target")).toEqual([
      "Q3 2024/25",
      "Q3 2024-25",
      "31 January 2023",
      "Quarter 2 2024/25",
    ]);
  });

  it("keeps two whole dates apart, and gives a month left at a line's end the year below it", () => {
    // Five lines for four actions: "Q3 2026-27" and "Q1 2023/24" each read alone, "Ongoing from June" waits for "2024".
    const lines = printed(
      ["Q3 2026-27", "new"],
      ["Q1 2023/24", "open"],
      ["Q4 2022/23", "open"],
      ["Ongoing from June", "open"],
      ["2024", "open"],
    );
    expect(packedValues(lines, 4, "target")).toEqual([
      "Q3 2026-27",
      "Q1 2023/24",
      "Q4 2022/23",
      "Ongoing from June 2024",
    ]);
  });

  it("reads posts whole, wherever their lines wrap, and keeps a blank line as an action with none", () => {
    const lines = printed(
      ["Strategic Director,", "new"],
      ["Communities", "wrap"],
      ["Chief Executive", "open"],
      ["", "new"],
      ["Section 151", "new"],
      ["Officer / Assistant", "open"],
      ["Director – Finance", "open"],
    );
    // "Section 151 Officer / Assistant" ends on a word that goes before a title: not a lead.
    expect(packedValues(lines, 4, "lead")).toEqual([
      "Strategic Director, Communities",
      "Chief Executive",
      null,
      "Section 151 Officer / Assistant Director – Finance",
    ]);
  });

  it("reads one lead for every action when the cell reads best as one", () => {
    const lines = printed(["Monitoring", "new"], ["Officer / Director of Resources", "open"]);
    expect(packedValues(lines, 3, "lead")).toEqual(Array(3).fill("Monitoring Officer / Director of Resources"));
  });

  it("gives the first actions the values when there are fewer than actions, and splits statuses by word", () => {
    const lines = printed(["Not yet", "new"], ["started", "wrap"], ["On track", "open"]);
    expect(packedValues(lines, 3, "status")).toEqual(["Not yet started", "On track", null]);
  });

  it("leaves a cell with nothing open, or with one action, to the format reader", () => {
    expect(packedValues(printed(["June 2025", "new"], ["July", "new"], ["2025", "wrap"]), 2, "target")).toBeNull();
    expect(packedValues(printed(["Q3", "new"], ["2024/25", "open"]), 1, "target")).toBeNull();
  });
});
