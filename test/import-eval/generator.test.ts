import { describe, expect, it } from "vitest";
import type { ReadPlan } from "../../src/modules/import/import.plan.js";
import { render } from "./corpus.js";
import type { EvalPlan } from "./plan.model.js";
import { formatNames } from "./render/formats.js";
import { scoreDocument, similarity } from "./score.js";
import { seedPlan } from "./seed-plans.js";
import { syntheticPlan } from "./synthetic.js";
import { fillDate } from "./traits/dates.js";

describe("the generator", () => {
  it("is deterministic for a seed", async () => {
    const plan = syntheticPlan(42);
    expect(syntheticPlan(42)).toEqual(plan);
    for (const format of ["html-table", "csv", "markdown"] as const) {
      const a = await render(format, plan, 7, 0);
      const b = await render(format, plan, 7, 0);
      expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
      expect(a.traits).toEqual(b.traits);
    }
  });

  it("draws 3–12 recommendations of 0–8 actions, with distinct action texts", () => {
    for (let seed = 0; seed < 50; seed += 1) {
      const plan = syntheticPlan(seed);
      expect(plan.recommendations.length).toBeGreaterThanOrEqual(3);
      expect(plan.recommendations.length).toBeLessThanOrEqual(12);
      const texts = plan.recommendations.flatMap((r) => r.actions.map((a) => a.text));
      for (const rec of plan.recommendations) expect(rec.actions.length).toBeLessThanOrEqual(8);
      expect(new Set(texts).size).toBe(texts.length);
    }
  });

  it("phrases financial quarters from April: Q3 2025/26 ends on 31 December 2025", () => {
    expect(fillDate("Q{q} {fy}", new Date(Date.UTC(2025, 11, 31)), "QUARTER")).toBe("Q3 2025/26");
    expect(fillDate("Q{q} {fy}", new Date(Date.UTC(2026, 2, 31)), "QUARTER")).toBe("Q4 2025/26");
    expect(fillDate("{fy}", new Date(Date.UTC(2025, 2, 31)), "FINANCIAL_YEAR")).toBe("2024/25");
  });

  it("prints every action's text in every text format", async () => {
    const plan = seedPlan("harlow");
    for (const format of ["html-table", "text-cells", "parallel-lists", "inline-bullets", "markdown", "csv"] as const) {
      const text = new TextDecoder().decode((await render(format, plan, 3, 0)).bytes).replace(/\s+/g, " ");
      for (const action of plan.recommendations[0]?.actions ?? [])
        expect(text).toContain(action.text.replace(/\.$/, "").replace(/\s+/g, " ").slice(0, 30));
    }
  });

  it("renders every format without throwing, with traits", async () => {
    const plan = syntheticPlan(5);
    for (const format of formatNames) {
      const document = await render(format, plan, 11, 0);
      expect(document.bytes.length).toBeGreaterThan(500);
      expect(document.traits.some((t) => t.startsWith("numbering:"))).toBe(true);
    }
  });

  it("drops statuses from the expected plan when the layout prints none", async () => {
    for (let sample = 0; sample < 20; sample += 1) {
      const document = await render("csv", syntheticPlan(9), 1, sample);
      if (!document.traits.includes("status:none")) continue;
      expect(document.expected.recommendations.flatMap((r) => r.actions).every((a) => a.status === null)).toBe(true);
    }
  });
});

describe("the scorer", () => {
  const expected: EvalPlan = {
    origin: "test",
    title: "t",
    council: "c",
    recommendations: [
      {
        reference: "1",
        title: null,
        text: "Develop a clear vision for the borough.",
        themeLabel: null,
        actions: [
          {
            text: "Hold workshops with Cabinet.",
            lead: "Chief Executive",
            deadline: { iso: "2025-03-31", precision: "MONTH" },
            deadlinePhrase: "March 2025",
            status: "COMPLETE",
            update: null,
          },
          {
            text: "Publish the vision.",
            lead: null,
            deadline: null,
            deadlinePhrase: "Ongoing",
            status: null,
            update: null,
          },
        ],
      },
    ],
  };
  const read = (actions: { text: string; lead: string | null; deadline: string | null; status: string | null }[]) =>
    ({
      recommendations: [
        {
          text: "Develop a clear vision for the borough",
          title: null,
          actions: actions.map((a) => ({
            text: a.text,
            lead: a.lead,
            target: { deadline: a.deadline },
            status: a.status === null ? null : { status: a.status },
          })),
        },
      ],
    }) as unknown as ReadPlan;

  it("counts an action right only when text, lead, deadline and status all are", () => {
    const score = scoreDocument(
      expected,
      read([
        { text: "Hold  workshops with Cabinet", lead: "chief executive", deadline: "2025-03-31", status: "COMPLETE" },
        { text: "Publish the vision.", lead: null, deadline: null, status: "UNKNOWN" },
      ]),
    );
    expect(score).toMatchObject({ recovered: 1, actions: 2, right: 2, text: 2, lead: 2, deadline: 2, status: 2 });
    const wrongDate = scoreDocument(
      expected,
      read([
        { text: "Hold workshops with Cabinet.", lead: "Chief Executive", deadline: "2025-03-01", status: "COMPLETE" },
      ]),
    );
    expect(wrongDate).toMatchObject({ right: 0, text: 1, lead: 1, deadline: 0, status: 1 });
  });

  it("counts a reader error as nothing recovered", () => {
    expect(scoreDocument(expected, null, "import.unknown_layout")).toMatchObject({
      recovered: 0,
      right: 0,
      actions: 2,
    });
  });

  it("measures similarity on normalised text", () => {
    expect(similarity("Lead: A & B", "lead a and b")).toBe(1);
    expect(similarity("abcd", "abce")).toBe(0.75);
  });
});
