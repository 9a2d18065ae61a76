import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ParsedTarget } from "../../../../src/modules/import/import.plan.js";
import { cleanText } from "../../../../src/modules/import/normalise/text.normaliser.js";
import {
  isUnparsedTarget,
  matchTrailingTarget,
  maxTargetChars,
  parseTarget,
} from "../../../../src/modules/import/normalise/target.normaliser.js";

const PLANS = new URL("../../../../seeds/plans/", import.meta.url);

function expected(
  raw: string | null,
  deadline: string | null,
  precision: ParsedTarget["precision"],
  milestones: string[] = [],
): ParsedTarget {
  return { raw, deadline, precision, milestones };
}

/** Reference last day of a month, computed by the platform's calendar rather than the parser's. */
function lastDayOfMonth(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

describe("parseTarget", () => {
  it.each([
    ["Oct 24", "2024-10-31"],
    ["Oct\u00a024", "2024-10-31"],
    ["Sept. 2023", "2023-09-30"],
    ["Sept 2023", "2023-09-30"],
    ["Sep 2023", "2023-09-30"],
    ["September 2023", "2023-09-30"],
    ["end of September 2025", "2025-09-30"],
    ["Phased approach with review to be completed by end of September 2025", "2025-09-30"],
    ["July 2023 and ongoing", "2023-07-31"],
    ["May 2025 and Ongoing", "2025-05-31"],
    ["Complete January 2025. Ongoing", "2025-01-31"],
    ["Feb 2024", "2024-02-29"],
    ["feb. 23", "2023-02-28"],
    ["JANUARY 2026", "2026-01-31"],
  ])("reads %j as the last day of the month it names", (raw, deadline) => {
    const parsed = parseTarget(raw);
    expect(parsed.deadline).toBe(deadline);
    expect(parsed.precision).toBe("MONTH");
    expect(parsed.milestones).toEqual([]);
  });

  it("keeps the raw phrase whitespace-normalised", () => {
    expect(parseTarget("  Oct\u00a0 24\t")).toEqual(expected("Oct 24", "2024-10-31", "MONTH"));
  });

  it.each([
    ["Q1 2025/26", "2025-06-30"],
    ["Q2 2025/26", "2025-09-30"],
    ["Q3 2025/26", "2025-12-31"],
    ["Q4 2025/26", "2026-03-31"],
    ["Quarter 3 of 2024-25", "2024-12-31"],
    ["2025/26 Q4", "2026-03-31"],
  ])("reads %j as a quarter of a financial year starting on 1 April", (raw, deadline) => {
    expect(parseTarget(raw)).toEqual(expected(raw, deadline, "QUARTER"));
  });

  it.each(["Budget 2024/25", "2024/25", "2024-25", "24/25", "2024/2025", "FY 2024/25"])(
    "reads %j as the end of the 2024/25 financial year",
    (raw) => {
      expect(parseTarget(raw)).toEqual(expected(raw, "2025-03-31", "FINANCIAL_YEAR"));
    },
  );

  it.each([
    ["Training date likely Autumn 2025 Ongoing", "2025-11-30"],
    ["Spring 2025", "2025-05-31"],
    ["Summer 2024", "2024-08-31"],
    ["Autumn 24", "2024-11-30"],
    ["Winter 2025", "2026-02-28"],
    ["Winter 2023", "2024-02-29"],
    ["Winter 2027/28", "2028-02-29"],
  ])("reads %j as the last day of the season it names", (raw, deadline) => {
    expect(parseTarget(raw)).toEqual(expected(raw, deadline, "SEASON"));
  });

  it.each([
    ["2 May 2025", "2025-05-02"],
    ["02/05/2025", "2025-05-02"],
    ["2nd May 2025", "2025-05-02"],
    ["31st March 2025", "2025-03-31"],
    ["29/02/2024", "2024-02-29"],
    ["2025-05-02", "2025-05-02"],
  ])("reads the full date %j day first, as that day", (raw, deadline) => {
    expect(parseTarget(raw)).toEqual(expected(raw, deadline, "DAY"));
  });

  it("reads a bare year as its last day", () => {
    expect(parseTarget("2025")).toEqual(expected("2025", "2025-12-31", "YEAR"));
  });

  it.each([
    "June 2020 onwards",
    "Ongoing",
    "ongoing",
    "BAU",
    "Introduced and Ongoing",
    "Ongoing - Member briefings to continue where appropriate issue arises.",
    "Commenced December 2024 and ongoing",
    "From April 2025",
  ])("reads %j as ongoing work with no deadline", (raw) => {
    expect(parseTarget(raw)).toEqual(expected(raw, null, "ONGOING"));
  });

  it("reads Chelmsford's mixed timescale cell as ongoing", () => {
    const raw =
      "Ongoing - Member briefings to continue where appropriate issue arises. New member intranet site – date TBC Date for Member decision making training being finalised";
    expect(parseTarget(raw).precision).toBe("ONGOING");
  });

  it.each([
    ["TBC", "TBC"],
    ["", null],
    ["   ", null],
    ["by December this year", "by December this year"],
  ])("reads %j as having no known deadline", (raw, keptRaw) => {
    expect(parseTarget(raw)).toEqual(expected(keptRaw, null, "UNKNOWN"));
  });

  it("reads an absent cell as unknown with no raw text", () => {
    expect(parseTarget(null)).toEqual(expected(null, null, "UNKNOWN"));
    expect(parseTarget(undefined)).toEqual(expected(null, null, "UNKNOWN"));
  });

  it("takes the last date named as the deadline and keeps earlier ones as milestones", () => {
    const raw =
      "LGR Risk Register first review - May 2025, with regular review scheduled thereafter. Initial meeting of Core Change Management team April 2025 and ongoing";
    expect(parseTarget(raw)).toEqual(expected(raw, "2025-04-30", "MONTH", ["2025-05-31"]));
  });

  it("lists milestones in the order printed, each as the last day of its period", () => {
    expect(parseTarget("Draft Q2 2025/26, consult Dec 2025, adopt 2025/26")).toEqual(
      expected("Draft Q2 2025/26, consult Dec 2025, adopt 2025/26", "2026-03-31", "FINANCIAL_YEAR", [
        "2025-09-30",
        "2025-12-31",
      ]),
    );
  });

  it.each([
    ["Started Jan 2024, complete by March 2025", "2025-03-31", "MONTH", ["2024-01-31"]],
    ["From Oct 24 to Mar 25", "2025-03-31", "MONTH", ["2024-10-31"]],
    [
      "Commenced Oct 2024, review Dec 2024, adopt 2025/26",
      "2026-03-31",
      "FINANCIAL_YEAR",
      ["2024-10-31", "2024-12-31"],
    ],
    ["Report by March 2025, then from April 2025 onwards", "2025-03-31", "MONTH", ["2025-04-30"]],
  ] as const)(
    "never takes a start date as the deadline, but keeps it as a milestone when %j has one",
    (raw, deadline, precision, milestones) => {
      expect(parseTarget(raw)).toEqual(expected(raw, deadline, precision, [...milestones]));
    },
  );

  it("keeps no milestones for ongoing work with only a start date", () => {
    expect(parseTarget("Commenced December 2024 and ongoing")).toEqual(
      expected("Commenced December 2024 and ongoing", null, "ONGOING"),
    );
    expect(parseTarget("From Oct 24 onwards")).toEqual(expected("From Oct 24 onwards", null, "ONGOING"));
  });

  describe("half-years", () => {
    // No precision fits a half-year, and a year-end deadline would be six months late for H1:
    // the phrase is left unread and warned about rather than given a wrong deadline.
    it.each([
      "H1 2025",
      "H2 2025",
      "H1 2025/26",
      "H2 2025/26",
      "2025/26 H1",
      "h2 2025-26",
      "Half 1 2025",
      "First half of 2025",
      "second half of the financial year 2025/26",
      "Draft Q2 2025/26, adopt H2 2025/26",
      "H1 2025, final by Dec 2025",
    ])("reads %j as having no known deadline, to be warned about", (raw) => {
      const parsed = parseTarget(raw);
      expect(parsed).toEqual(expected(raw, null, "UNKNOWN"));
      expect(isUnparsedTarget(parsed)).toBe(true);
    });

    it("splits a trailing half-year off a flattened row whole, not just its year", () => {
      expect(matchTrailingTarget("Head of Finance H2 2025/26")).toEqual({
        target: "H2 2025/26",
        rest: "Head of Finance",
      });
    });

    it("still reads words that merely end in h1 or h2 before a year as the year", () => {
      expect(parseTarget("Phase WH1 2025").deadline).toBe("2025-12-31");
    });
  });

  describe("long cells", () => {
    it("keeps a cell over the length limit as printed but does not read it, and flags it even if it says TBC", () => {
      const raw = `TBC ${"Oct 24 and review. ".repeat(60)}`;
      expect(cleanText(raw).length).toBeGreaterThan(maxTargetChars);
      const parsed = parseTarget(raw);
      expect(parsed).toEqual(expected(cleanText(raw), null, "UNKNOWN"));
      expect(isUnparsedTarget(parsed)).toBe(true);
    });

    it("reads a long cell under the limit as usual, start dates included", () => {
      const raw = `${"word ".repeat(150)}from Oct 24 to Mar 25`;
      expect(parseTarget(raw)).toMatchObject({ deadline: "2025-03-31", milestones: ["2024-10-31"] });
    });

    it("returns on a 200 KB cell of start dates", () => {
      const raw = "from Oct 24 ".repeat(17_000);
      const parsed = parseTarget(raw);
      expect(parsed).toMatchObject({ deadline: null, precision: "UNKNOWN" });
      expect(isUnparsedTarget(parsed)).toBe(true);
      expect(matchTrailingTarget(raw)?.target).toBe("from Oct 24");
    });
  });

  it("reads a day range as its last day rather than as a financial year", () => {
    expect(parseTarget("10-11 March 2025").deadline).toBe("2025-03-11");
  });

  it("reads every distinct Target Date in Harlow's plan", () => {
    const byHand: Record<string, ParsedTarget> = {
      "May 2023": expected("May 2023", "2023-05-31", "MONTH"),
      "June 2023": expected("June 2023", "2023-06-30", "MONTH"),
      "July 2023": expected("July 2023", "2023-07-31", "MONTH"),
      "August 2023": expected("August 2023", "2023-08-31", "MONTH"),
      "Sept 2023": expected("Sept 2023", "2023-09-30", "MONTH"),
      "Sept. 2023": expected("Sept. 2023", "2023-09-30", "MONTH"),
      "Oct 2023": expected("Oct 2023", "2023-10-31", "MONTH"),
      "October 2023": expected("October 2023", "2023-10-31", "MONTH"),
      "Nov 2023": expected("Nov 2023", "2023-11-30", "MONTH"),
      "Dec 2023": expected("Dec 2023", "2023-12-31", "MONTH"),
      "Jan 2024": expected("Jan 2024", "2024-01-31", "MONTH"),
      "March 2024": expected("March 2024", "2024-03-31", "MONTH"),
      "May 2024": expected("May 2024", "2024-05-31", "MONTH"),
      "June 2024": expected("June 2024", "2024-06-30", "MONTH"),
      "Budget 2024/25": expected("Budget 2024/25", "2025-03-31", "FINANCIAL_YEAR"),
      Ongoing: expected("Ongoing", null, "ONGOING"),
    };
    const rows = readFileSync(new URL("harlow.txt", PLANS), "utf8")
      .split("\n")
      .map((line) => line.split("\t"))
      .filter((cells) => cells.length >= 5);
    const header = rows[0] ?? [];
    const column = header.indexOf("Target Date");
    expect(column).toBeGreaterThanOrEqual(0);
    const printed = new Set(rows.slice(1).map((cells) => (cells[column] ?? "").trim()));
    expect([...printed].sort()).toEqual(Object.keys(byHand).sort());
    for (const raw of printed) {
      expect(parseTarget(raw), raw).toEqual(byHand[raw]);
    }
  });

  describe("properties", () => {
    const months: [number, string[]][] = [
      [1, ["Jan", "Jan.", "January", "JAN", "january"]],
      [2, ["Feb", "Feb.", "February", "feb"]],
      [3, ["Mar", "Mar.", "March", "MARCH"]],
      [4, ["Apr", "Apr.", "April", "april"]],
      [5, ["May", "MAY", "may"]],
      [6, ["Jun", "June", "Jun.", "june"]],
      [7, ["Jul", "July", "Jul.", "JULY"]],
      [8, ["Aug", "Aug.", "August", "august"]],
      [9, ["Sep", "Sept", "Sept.", "Sep.", "September", "SEPT"]],
      [10, ["Oct", "Oct.", "October", "oct"]],
      [11, ["Nov", "Nov.", "November", "NOVEMBER"]],
      [12, ["Dec", "Dec.", "December", "dec"]],
    ];
    const monthName = fc
      .constantFrom(...months)
      .chain(([month, names]) => fc.constantFrom(...names).map((name) => ({ month, name })));

    it("reads any month name and year, with or without a lead-in or an ongoing tail, as that month's last day", () => {
      fc.assert(
        fc.property(
          monthName,
          fc.integer({ min: 2000, max: 2099 }),
          fc.boolean(),
          fc.constantFrom("end of ", "by ", "by end of ", ""),
          fc.constantFrom("", " and ongoing", ".", " and Ongoing"),
          fc.constantFrom(" ", "\u00a0", "  "),
          ({ month, name }, year, twoDigit, prefix, suffix, space) => {
            const yearText = twoDigit ? String(year % 100).padStart(2, "0") : String(year);
            const parsed = parseTarget(`${prefix}${name}${space}${yearText}${suffix}`);
            expect(parsed.deadline).toBe(lastDayOfMonth(year, month));
            expect(parsed.precision).toBe("MONTH");
            expect(parsed.milestones).toEqual([]);
          },
        ),
      );
    });

    it("reads any financial year in any common spelling as the 31 March that ends it", () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 2000, max: 2098 }),
          fc.constantFrom("/", "-"),
          fc.constantFrom("long-short", "short-short", "long-long"),
          fc.constantFrom("", "Budget ", "FY ", "by end of "),
          (start, separator, form, prefix) => {
            const next = start + 1;
            const two = (y: number): string => String(y % 100).padStart(2, "0");
            const text =
              form === "long-short"
                ? `${String(start)}${separator}${two(next)}`
                : form === "short-short"
                  ? `${two(start)}${separator}${two(next)}`
                  : `${String(start)}${separator}${String(next)}`;
            const parsed = parseTarget(`${prefix}${text}`);
            expect(parsed.deadline).toBe(`${String(next)}-03-31`);
            expect(parsed.precision).toBe("FINANCIAL_YEAR");
          },
        ),
      );
    });

    it("reads any quarter of any financial year as the last day of its three months from April", () => {
      fc.assert(
        fc.property(fc.integer({ min: 2000, max: 2098 }), fc.integer({ min: 1, max: 4 }), (start, quarter) => {
          const lastMonth = 3 + quarter * 3;
          const reference =
            lastMonth > 12 ? lastDayOfMonth(start + 1, lastMonth - 12) : lastDayOfMonth(start, lastMonth);
          const parsed = parseTarget(
            `Q${String(quarter)} ${String(start)}/${String((start + 1) % 100).padStart(2, "0")}`,
          );
          expect(parsed.deadline).toBe(reference);
          expect(parsed.precision).toBe("QUARTER");
        }),
      );
    });

    const isValidIso = (iso: string): boolean => {
      const date = new Date(`${iso}T00:00:00Z`);
      return (
        /^\d{4}-\d{2}-\d{2}$/.test(iso) && !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso
      );
    };

    it("never throws on arbitrary text and only returns real calendar dates", () => {
      const dateish = fc
        .array(
          fc.oneof(
            fc.string(),
            fc.string({ unit: "binary" }),
            fc.constantFrom(
              "Q3",
              "2024/25",
              "Sept.",
              "Winter",
              "ongoing",
              "31",
              "02/",
              "from",
              "\u00a0",
              "onwards",
              "Feb",
              "29",
            ),
            fc.integer({ min: 0, max: 3000 }).map(String),
          ),
          { maxLength: 8 },
        )
        .map((parts) => parts.join(" "));
      fc.assert(
        fc.property(fc.oneof(fc.string(), fc.string({ unit: "binary" }), dateish), (text) => {
          const parsed = parseTarget(text);
          for (const iso of [parsed.deadline, ...parsed.milestones]) {
            if (iso !== null) expect(isValidIso(iso), iso).toBe(true);
          }
          expect(parsed.deadline === null).toBe(parsed.precision === "ONGOING" || parsed.precision === "UNKNOWN");
          expect(() => matchTrailingTarget(text)).not.toThrow();
        }),
        { numRuns: 2000 },
      );
    });
  });
});

describe("isUnparsedTarget", () => {
  it("flags text that names no date and no ongoing work", () => {
    expect(isUnparsedTarget(parseTarget("by December this year"))).toBe(true);
    expect(isUnparsedTarget(parseTarget("When resources allow"))).toBe(true);
  });

  it("does not flag an explicit TBC, an empty cell, or a parsed target", () => {
    for (const raw of ["TBC", "tba", "To be confirmed", "Date TBC", "N/A", "-", "", null, "Oct 24", "Ongoing"]) {
      expect(isUnparsedTarget(parseTarget(raw)), String(raw)).toBe(false);
    }
  });
});

describe("matchTrailingTarget", () => {
  it.each([
    [
      "Chief Executive Director of Policy & Transformation Dec 24",
      "Dec 24",
      "Chief Executive Director of Policy & Transformation",
    ],
    ["Leader of the Council Chief Executive Oct\u00a024", "Oct 24", "Leader of the Council Chief Executive"],
    ["Simon Hill Sept. 2023", "Sept. 2023", "Simon Hill"],
    ["Director of Finance Q3 2025/26", "Q3 2025/26", "Director of Finance"],
    ["Director of Finance 2024/25", "2024/25", "Director of Finance"],
    ["Management Team Ongoing", "Ongoing", "Management Team"],
    ["Human Resources TBC", "TBC", "Human Resources"],
    ["Chief Executive June 2020 onwards", "June 2020 onwards", "Chief Executive"],
    ["Management Team March 2025 and ongoing", "March 2025 and ongoing", "Management Team"],
    ["Head of Legal by end of March 2025", "by end of March 2025", "Head of Legal"],
  ])("splits the timescale off the end of %j", (line, target, rest) => {
    expect(matchTrailingTarget(line)).toEqual({ target, rest });
  });

  it("returns the whole line as the target when it is only a timescale", () => {
    expect(matchTrailingTarget("Oct 24")).toEqual({ target: "Oct 24", rest: "" });
  });

  it.each(["Chief Executive", "Oct 24 Chief Executive", "", "Director of Finance 24"])(
    "finds nothing when %j does not end in a timescale",
    (line) => {
      expect(matchTrailingTarget(line)).toBeNull();
    },
  );
});
