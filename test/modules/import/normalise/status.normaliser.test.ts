import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  isUnknownStatusText,
  matchTrailingStatus,
  maxStatusChars,
  parseStatus,
} from "../../../../src/modules/import/normalise/status.normaliser.js";
import { cleanText } from "../../../../src/modules/import/normalise/text.normaliser.js";

describe("parseStatus", () => {
  it.each([
    ["Complete", "COMPLETE"],
    ["Completed", "COMPLETE"],
    ["Delivered", "COMPLETE"],
    ["Done", "COMPLETE"],
    ["Achieved", "COMPLETE"],
    ["Closed", "COMPLETE"],
    ["In progress", "IN_PROGRESS"],
    ["In Progress", "IN_PROGRESS"],
    ["Underway", "IN_PROGRESS"],
    ["On track", "IN_PROGRESS"],
    ["Commenced", "IN_PROGRESS"],
    ["Started", "IN_PROGRESS"],
    ["In hand", "IN_PROGRESS"],
    ["Some delay", "IN_PROGRESS"],
    ["Slippage against the timetable", "IN_PROGRESS"],
    ["Continuous", "ONGOING"],
    ["Ongoing work with partners", "IN_PROGRESS"],
    ["Delayed", "IN_PROGRESS"],
    ["Partially complete", "IN_PROGRESS"],
    ["Not started", "NOT_STARTED"],
    ["Not yet started", "NOT_STARTED"],
    ["Planned", "NOT_STARTED"],
    ["Future", "NOT_STARTED"],
    ["Ongoing", "ONGOING"],
    ["Introduced and Ongoing", "ONGOING"],
    ["move to BAU", "ONGOING"],
    ["BAU", "ONGOING"],
    ["Business as usual", "ONGOING"],
    ["July 2023 and ongoing", "ONGOING"],
    ["On an ongoing basis", "ONGOING"],
  ] as const)("normalises %j to %s", (raw, status) => {
    expect(parseStatus(raw)).toEqual({ text: raw, status, rag: null });
  });

  it("reads an empty or absent cell as UNKNOWN with empty text", () => {
    for (const raw of ["", "  ", null, undefined]) {
      expect(parseStatus(raw)).toEqual({ text: "", status: "UNKNOWN", rag: null });
    }
  });

  it("keeps unrecognised text as printed and reads it as UNKNOWN", () => {
    expect(parseStatus("  Awaiting\u00a0sign-off ")).toEqual({
      text: "Awaiting sign-off",
      status: "UNKNOWN",
      rag: null,
    });
  });

  describe("Chelmsford's timescale-and-status cells", () => {
    it.each([
      ["Complete January 2025. Ongoing", "COMPLETE"],
      ["Introduced and Ongoing", "ONGOING"],
      ["May 2025 and Ongoing", "ONGOING"],
      ["Commenced December 2024 and ongoing", "ONGOING"],
      ["Phased approach with review to be completed by end of September 2025", "UNKNOWN"],
      ["Training date likely Autumn 2025 Ongoing", "ONGOING"],
      [
        "LGR Risk Register first review - May 2025, with regular review scheduled thereafter. Initial meeting of Core Change Management team April 2025 and ongoing",
        "ONGOING",
      ],
      [
        "Ongoing - Member briefings to continue where appropriate issue arises. New member intranet site – date TBC Date for Member decision making training being finalised",
        "ONGOING",
      ],
    ] as const)("reads the status words of %j as %s", (raw, status) => {
      expect(parseStatus(raw).status).toBe(status);
    });
  });

  it.each([
    "Will be completed by March 2026",
    "Due for completion in June",
    "To complete by 2025",
    "Not complete",
    "Once delivered",
  ])("does not read a future, conditional or denied completion in %j as COMPLETE", (raw) => {
    expect(parseStatus(raw).status).not.toBe("COMPLETE");
  });

  it.each([
    "Will have been fully completed by March",
    "Should have been done by now",
    "To have been delivered by the end of Q2",
  ])("does not read a plan with several words between its modal and its completion word in %j as COMPLETE", (raw) => {
    expect(parseStatus(raw).status).not.toBe("COMPLETE");
  });

  describe("denied completions", () => {
    // A bare denial reports no work under way, so it reads as NOT_STARTED; with any sign of work
    // (an in-progress word, or another part of the cell reported finished) it reads as IN_PROGRESS.
    it.each([
      ["Has not been delivered", "NOT_STARTED"],
      ["Not been completed", "NOT_STARTED"],
      ["Not yet been achieved", "NOT_STARTED"],
      ["Has not yet been fully delivered", "NOT_STARTED"],
      ["Hasn't been done", "NOT_STARTED"],
      ["Not complete", "NOT_STARTED"],
      ["Cannot be closed until the audit reports", "NOT_STARTED"],
      ["Yet to be completed", "NOT_STARTED"],
      ["Consultation closed; strategy not yet complete", "IN_PROGRESS"],
      ["Not yet complete - in progress", "IN_PROGRESS"],
      ["Work has started but has not yet been fully delivered", "IN_PROGRESS"],
      ["Not yet complete and ongoing", "ONGOING"],
    ] as const)("reads %j as %s, never COMPLETE", (raw, status) => {
      expect(parseStatus(raw).status).toBe(status);
    });
  });

  describe("long cells", () => {
    it("keeps a cell over the length limit as printed but does not read it, so that it is warned about", () => {
      const raw = `Complete (Green). ${"The board noted the report and asked for more detail. ".repeat(20)}`;
      expect(cleanText(raw).length).toBeGreaterThan(maxStatusChars);
      const parsed = parseStatus(raw);
      expect(parsed).toEqual({ text: cleanText(raw), status: "UNKNOWN", rag: null });
      expect(isUnknownStatusText(parsed)).toBe(true);
    });

    it("reads a long cell under the limit as usual, conditions just before a completion word included", () => {
      const padding = "word ".repeat(150);
      expect(parseStatus(`${padding}Complete`).status).toBe("COMPLETE");
      expect(parseStatus(`${padding}to be completed`).status).not.toBe("COMPLETE");
      expect(parseStatus(`${padding}has not yet been delivered`).status).toBe("NOT_STARTED");
    });

    it("returns on a 200 KB cell of conditions and completion words", () => {
      const raw = "to done ".repeat(25_000);
      expect(parseStatus(raw)).toMatchObject({ status: "UNKNOWN", rag: null });
      expect(matchTrailingStatus(raw)?.status).toBe("done");
    });
  });

  it.each([
    ["Red", "RED"],
    ["Amber", "AMBER"],
    ["GREEN", "GREEN"],
    ["R", "RED"],
    ["A", "AMBER"],
    ["g", "GREEN"],
    ["(Green)", "GREEN"],
    ["RAG: Amber", "AMBER"],
  ] as const)("reads the RAG-only cell %j as %s with an unknown status", (raw, rag) => {
    expect(parseStatus(raw)).toEqual({ text: raw, status: "UNKNOWN", rag });
  });

  it.each([
    ["Complete (Green)", "COMPLETE", "GREEN"],
    ["Green - complete", "COMPLETE", "GREEN"],
    ["In progress - Amber", "IN_PROGRESS", "AMBER"],
    ["Delayed (Red)", "IN_PROGRESS", "RED"],
  ] as const)("reads both the status and the RAG colour of %j", (raw, status, rag) => {
    expect(parseStatus(raw)).toEqual({ text: raw, status, rag });
  });

  it("infers no RAG colour from a status or from blue", () => {
    expect(parseStatus("Complete").rag).toBeNull();
    expect(parseStatus("Blue")).toEqual({ text: "Blue", status: "COMPLETE", rag: null });
  });

  it("does not read a colour inside a sentence as a RAG rating", () => {
    expect(parseStatus("Green spaces strategy drafted").rag).toBeNull();
  });

  it("never throws and always returns one of the five statuses", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "binary" })), (raw) => {
        const parsed = parseStatus(raw);
        expect(["COMPLETE", "IN_PROGRESS", "NOT_STARTED", "ONGOING", "UNKNOWN"]).toContain(parsed.status);
        expect(() => matchTrailingStatus(raw)).not.toThrow();
      }),
    );
  });
});

describe("isUnknownStatusText", () => {
  it("flags a non-empty cell that could not be read", () => {
    expect(isUnknownStatusText(parseStatus("Awaiting sign-off"))).toBe(true);
    expect(
      isUnknownStatusText(parseStatus("Phased approach with review to be completed by end of September 2025")),
    ).toBe(true);
  });

  it("does not flag an empty cell, a recognised status or a RAG-only cell", () => {
    for (const raw of ["", "Complete", "Not started", "Ongoing", "Amber"]) {
      expect(isUnknownStatusText(parseStatus(raw)), raw).toBe(false);
    }
  });
});

describe("matchTrailingStatus", () => {
  it.each([
    [
      "Leader of the Council Chief Executive Oct 24 In progress",
      "In progress",
      "Leader of the Council Chief Executive Oct 24",
    ],
    [
      "Chief Executive Director of Policy & Transformation May 24 Complete",
      "Complete",
      "Chief Executive Director of Policy & Transformation May 24",
    ],
    ["Chief Executive Dec 24 Not started", "Not started", "Chief Executive Dec 24"],
    ["Chief Executive Dec 24 not yet started", "not yet started", "Chief Executive Dec 24"],
    ["Chief Executive Dec 24 ON TRACK", "ON TRACK", "Chief Executive Dec 24"],
    ["Chief Executive Dec 24 Delayed", "Delayed", "Chief Executive Dec 24"],
    ["Chief Executive Dec 24 Ongoing", "Ongoing", "Chief Executive Dec 24"],
    ["Chief Executive Dec 24 Complete (Green)", "Complete (Green)", "Chief Executive Dec 24"],
  ])("splits the status off the end of %j", (line, status, rest) => {
    expect(matchTrailingStatus(line)).toEqual({ status, rest });
  });

  it('leaves the ongoing of a timescale like "March 2025 and ongoing" to the target', () => {
    expect(matchTrailingStatus("Management Team March 2025 and ongoing")).toBeNull();
  });

  it.each(["Chief Executive", "Incomplete", "", "Leader of the Council Chief Executive Oct 24"])(
    "finds nothing when %j does not end in a status",
    (line) => {
      expect(matchTrailingStatus(line)).toBeNull();
    },
  );
});
