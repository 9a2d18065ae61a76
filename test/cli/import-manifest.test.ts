import { describe, expect, it } from "vitest";
import { parseManifest } from "../../src/cli/import-manifest.js";
import { AppError } from "../../src/shared/errors/app-error.js";

function refusal(text: string): { reason: string; message: string; details: Record<string, unknown> } {
  try {
    parseManifest(text, "/plans/manifest.csv");
  } catch (error) {
    if (error instanceof AppError) return { reason: error.reason, message: error.message, details: error.details };
    throw error;
  }
  throw new Error("the manifest was accepted");
}

describe("a bulk import's manifest", () => {
  it("reads CSV with a header, resolving files against the manifest's folder", () => {
    const text =
      "file,council,challenge,recorded_on\nharlow.txt,E07000073,2023-10-01,2024-06-01\n\nsub/b.pdf, E07000068 ,,\n";
    expect(parseManifest(text, "/plans/manifest.csv")).toEqual([
      {
        file: "/plans/harlow.txt",
        council: "E07000073",
        challenge: "2023-10-01",
        recordedOn: "2024-06-01",
        where: { line: 2 },
      },
      // Blank cells are "not given"; the blank line is skipped, and the entry keeps its own line.
      { file: "/plans/sub/b.pdf", council: "E07000068", challenge: null, recordedOn: null, where: { line: 4 } },
    ]);
  });

  it("reads JSON, with recordedOn spelt as in the API", () => {
    expect(
      parseManifest(`[{ "file": "/abs/x.docx", "council": "E07000073", "recordedOn": "2025-01-31" }]`, "m.json"),
    ).toEqual([
      { file: "/abs/x.docx", council: "E07000073", challenge: null, recordedOn: "2025-01-31", where: { entry: 1 } },
    ]);
  });

  it.each([
    [
      "an unknown column, naming it and the line",
      "file,council,recorded-at\na.txt,E07000073,2024-01-01\n",
      /Unknown manifest field "recorded-at"/,
      { line: 2 },
    ],
    ["an entry without a council", "file,council\na.txt,E07000073\nb.txt,\n", /no council/, { line: 3 }],
    ["a row with more cells than the header", "file,council\na.txt,E07000073,extra\n", /not readable CSV/, { line: 2 }],
    ["nothing to import", "file,council\n", /lists no documents/, {}],
    ["JSON that is not an array", `{ "file": "a" }`, /must be an array/, {}],
    [
      "a JSON entry that is not an object",
      `[{ "file": "a", "council": "E07000073" }, 3]`,
      /entry 2 must be an object/,
      { entry: 2 },
    ],
    ["a JSON field that is not text", `[{ "file": "a", "council": 7 }]`, /"council" must be text/, { entry: 1 }],
  ])("refuses %s with import.bad_manifest", (_case, text, message, where) => {
    const { reason, message: said, details } = refusal(text);
    expect(reason).toBe("import.bad_manifest");
    expect(said).toMatch(message);
    expect(details).toEqual({ argument: "manifest", ...where });
  });
});
