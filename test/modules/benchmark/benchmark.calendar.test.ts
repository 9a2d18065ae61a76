import { describe, expect, it } from "vitest";
import {
  addMonths,
  countPeriods,
  dueAfter,
  financialQuarter,
  financialYear,
  onTime,
  seriesPeriods,
} from "../../../src/modules/benchmark/benchmark.calendar.js";

describe("benchmark calendar", () => {
  it("adds months, falling back to the last day of a shorter month", () => {
    expect(addMonths("2023-06-30", 6)).toBe("2023-12-30");
    expect(addMonths("2023-08-31", 6)).toBe("2024-02-29");
    expect(addMonths("2023-08-31", 18)).toBe("2025-02-28");
    expect(addMonths("2024-11-15", 2)).toBe("2025-01-15");
  });

  it("names financial quarters and years from 1 April", () => {
    expect(financialQuarter("2025-10-01")).toEqual({
      label: "2025/26 Q3",
      financialYear: "2025/26",
      quarter: 3,
      startsOn: "2025-10-01",
      endsOn: "2025-12-31",
    });
    expect(financialQuarter("2026-01-01")).toEqual({
      label: "2025/26 Q4",
      financialYear: "2025/26",
      quarter: 4,
      startsOn: "2026-01-01",
      endsOn: "2026-03-31",
    });
    expect(financialQuarter("2025-04-01").label).toBe("2025/26 Q1");
    expect(financialYear("2099-04-01")).toEqual({
      label: "2099/00",
      financialYear: "2099/00",
      quarter: null,
      startsOn: "2099-04-01",
      endsOn: "2100-03-31",
    });
  });

  it("lists the periods holding from and to, measuring the last one on to when it has not ended", () => {
    expect(seriesPeriods("2025-02-14", "2025-04-03", "MONTH")).toEqual([
      { label: "2025-02", startsOn: "2025-02-01", endsOn: "2025-02-28", asOf: "2025-02-28" },
      { label: "2025-03", startsOn: "2025-03-01", endsOn: "2025-03-31", asOf: "2025-03-31" },
      { label: "2025-04", startsOn: "2025-04-01", endsOn: "2025-04-30", asOf: "2025-04-03" },
    ]);
    expect(seriesPeriods("2025-03-31", "2025-04-01", "QUARTER").map((p) => [p.label, p.asOf])).toEqual([
      ["2024/25 Q4", "2025-03-31"],
      ["2025/26 Q1", "2025-04-01"],
    ]);
    expect(seriesPeriods("2025-05-05", "2025-05-05", "QUARTER")).toEqual([
      { label: "2025/26 Q1", startsOn: "2025-04-01", endsOn: "2025-06-30", asOf: "2025-05-05" },
    ]);
  });

  it("counts periods the way the 120-period limit reads them", () => {
    expect(countPeriods("2023-01-01", "2026-11-22", "QUARTER")).toBe(16);
    expect(countPeriods("2016-12-31", "2026-11-01", "MONTH")).toBe(120);
    expect(countPeriods("2016-11-30", "2026-11-01", "MONTH")).toBe(121);
  });

  it("dates the CPC timetable from the last day the held-on precision allows", () => {
    expect(dueAfter("2024-12-03", "DAY", 5)).toBe("2025-05-03");
    expect(dueAfter("2023-09-30", "DAY", 5)).toBe("2024-02-29");
    expect(dueAfter("2023-10-01", "MONTH", 5)).toBe("2024-03-31");
    expect(dueAfter("2024-03-01", "MONTH", 12)).toBe("2025-03-31");
    expect(dueAfter("2023-01-01", "YEAR", 5)).toBe("2024-05-31");
    expect(dueAfter("2023-01-01", "UNKNOWN", 5)).toBeNull();
    expect(dueAfter(null, "DAY", 5)).toBeNull();
    expect(onTime("2024-03-31", "2024-03-31")).toBe(true);
    expect(onTime("2024-04-01", "2024-03-31")).toBe(false);
    expect(onTime(null, "2024-03-31")).toBeNull();
  });
});
