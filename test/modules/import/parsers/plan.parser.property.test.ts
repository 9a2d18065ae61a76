import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanText } from "../../../../src/modules/import/normalise/text.normaliser.js";
import { PlanParseError } from "../../../../src/modules/import/parsers/parse.errors.js";
import { parsePlan } from "../../../../src/modules/import/parsers/plan.parser.js";

const columns = ["reference", "recommendation", "action", "lead", "target", "status"] as const;
type Column = (typeof columns)[number];

const headerSynonyms: Record<Column, string[]> = {
  reference: ["No.", "Ref", "Reference", "#", "Ref."],
  recommendation: ["Recommendation", "Recommendations", "Key recommendation", "Peer recommendation"],
  action: ["Actions", "Action", "Associated actions", "Planned actions", "Agreed actions"],
  lead: ["Lead", "Owner", "Responsible Officer", "Lead officer", "Action owner"],
  target: ["Target date", "Timescale", "Timeframe", "Deadline", "Due", "Due date"],
  status: ["Status", "Progress", "RAG", "Progress (RAG)", "RAG status"],
};

/** Words that are no column's name, so a generated cell can never read as a header. */
const safeWords = [
  "budget",
  "council",
  "review",
  "staff",
  "survey",
  "vision",
  "members",
  "residents",
  "deliver",
  "agree",
  "publish",
  "strategy",
  "workshop",
  "partners",
  "finance",
  "risk",
  "scrutiny",
  "training",
  "Harlow",
  "&",
  "-",
  "(s151)",
  "council's",
  "“place”",
  "£5m",
  "2024/25",
  "café",
];
const targets = [
  "June 2023",
  "Sept. 2023",
  "Q3 2025/26",
  "Budget 2024/25",
  "Ongoing",
  "TBC",
  "",
  "end of March 2025",
  "Dec 24",
];
const statuses = ["Complete", "Not started", "In progress", "", "Green", "Amber (on track)"];

type Delimiter = "tab" | "comma" | "pipe";

function cellText(delimiter: Delimiter): fc.Arbitrary<string> {
  // Only the quoted syntaxes can carry their own delimiter, quotes or a line break inside a cell.
  const extras = delimiter === "pipe" ? [] : ['"', "\n", delimiter === "comma" ? "," : "\t"];
  return fc
    .array(fc.constantFrom(...safeWords, ...safeWords, ...extras), { minLength: 1, maxLength: 6 })
    .map((words) => words.join(" "))
    .filter((text) => cleanText(text) !== "");
}

interface GeneratedAction {
  text: string;
  lead: string;
  target: string;
  status: string;
}
interface GeneratedRecommendation {
  reference: string;
  text: string;
  actions: GeneratedAction[];
}

function recommendationsArbitrary(delimiter: Delimiter): fc.Arbitrary<GeneratedRecommendation[]> {
  const action = fc.record({
    text: cellText(delimiter),
    lead: fc.option(cellText(delimiter), { nil: "" }),
    target: fc.constantFrom(...targets),
    status: fc.constantFrom(...statuses),
  });
  return fc
    .array(
      fc.record({
        prefix: fc.constantFrom("", "R"),
        text: cellText(delimiter),
        actions: fc.array(action, { minLength: 1, maxLength: 4 }),
      }),
      { minLength: 1, maxLength: 8 },
    )
    .map((recommendations) =>
      recommendations.map((r, i) => ({ reference: `${r.prefix}${i + 1}`, text: r.text, actions: r.actions })),
    );
}

function quote(cell: string, delimiter: Delimiter, always: boolean): string {
  if (delimiter === "pipe") return ` ${cell} `;
  const separator = delimiter === "comma" ? "," : "\t";
  const needs = always || cell.includes('"') || cell.includes("\n") || cell.includes(separator) || cell.trim() !== cell;
  return needs ? `"${cell.replaceAll('"', '""')}"` : cell;
}

function writeRow(cells: string[], delimiter: Delimiter, quoting: boolean[], framed: boolean): string {
  const written = cells.map((cell, i) => quote(cell, delimiter, quoting[i % quoting.length] ?? false));
  if (delimiter === "pipe") return framed ? `|${written.join("|")}|` : written.join("|");
  return written.join(delimiter === "comma" ? "," : "\t");
}

const tableArbitrary = fc.constantFrom<Delimiter>("tab", "comma", "pipe").chain((delimiter) =>
  fc.record({
    delimiter: fc.constant(delimiter),
    recommendations: recommendationsArbitrary(delimiter),
    order: fc.shuffledSubarray([...columns], { minLength: columns.length, maxLength: columns.length }),
    synonyms: fc.record({
      reference: fc.constantFrom(...headerSynonyms.reference),
      recommendation: fc.constantFrom(...headerSynonyms.recommendation),
      action: fc.constantFrom(...headerSynonyms.action),
      lead: fc.constantFrom(...headerSynonyms.lead),
      target: fc.constantFrom(...headerSynonyms.target),
      status: fc.constantFrom(...headerSynonyms.status),
    }),
    quoting: fc.array(fc.boolean(), { minLength: 1, maxLength: 6 }),
    framed: fc.boolean(),
    blankLines: fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
    lineEnding: fc.constantFrom("\n", "\r\n"),
    title: fc.boolean(),
  }),
);

describe("parsePlan on generated tables", () => {
  it("round-trips a table in any delimiter, column order and header wording to the same recommendations and actions", () => {
    fc.assert(
      fc.property(tableArbitrary, (table) => {
        const { delimiter, order, synonyms, quoting, framed } = table;
        const rows: string[] = [];
        if (table.title) rows.push("Generated council action plan", "");
        rows.push(
          writeRow(
            order.map((column) => synonyms[column]),
            delimiter,
            [false],
            framed,
          ),
        );
        let row = 0;
        for (const recommendation of table.recommendations) {
          recommendation.actions.forEach((action, i) => {
            const values: Record<Column, string> = {
              reference: i === 0 ? recommendation.reference : "",
              recommendation: i === 0 ? recommendation.text : "",
              action: action.text,
              lead: action.lead,
              target: action.target,
              status: action.status,
            };
            if (table.blankLines[row++ % table.blankLines.length] === true) rows.push("");
            rows.push(
              writeRow(
                order.map((column) => values[column]),
                delimiter,
                quoting,
                framed,
              ),
            );
          });
        }
        const plan = parsePlan(rows.join(table.lineEnding));

        expect(plan.layout).toBe("DELIMITED_TABLE");
        expect(
          plan.warnings.filter((w) => w.code === "import.row_shape" || w.code === "import.repeated_header"),
        ).toEqual([]);
        expect(
          plan.recommendations.map((r) => ({
            reference: r.reference,
            text: r.text,
            actions: r.actions.map((a) => ({
              text: a.text,
              lead: a.lead,
              target: a.target.raw,
              status: a.status?.text,
            })),
          })),
        ).toEqual(
          table.recommendations.map((r) => {
            let lead: string | null = null;
            return {
              reference: r.reference,
              text: cleanText(r.text),
              actions: r.actions.map((a) => {
                if (cleanText(a.lead) !== "") lead = cleanText(a.lead);
                return {
                  text: cleanText(a.text),
                  lead,
                  target: cleanText(a.target) === "" ? null : cleanText(a.target),
                  status: cleanText(a.status),
                };
              }),
            };
          }),
        );
      }),
      { numRuns: 300 },
    );
  });

  it("never throws anything but a PlanParseError, whatever the input", () => {
    const anyText = fc.oneof(
      fc.string({ maxLength: 400 }),
      fc.string({ unit: "grapheme", maxLength: 200 }),
      fc.string({ unit: "binary", maxLength: 200 }),
      fc
        .array(
          fc.constantFrom(
            "\t",
            "|",
            ",",
            '"',
            "\n",
            "\r\n",
            "- ",
            "• ",
            "1 ",
            "Ref",
            "Action",
            "Lead",
            "Status",
            "<table>",
            "<tr>",
            "<td>",
            "Oct 24",
            "Complete",
            "word",
            " ",
            "1 Rec",
            "R1 Rec",
          ),
          { maxLength: 80 },
        )
        .map((parts) => parts.join("")),
    );
    fc.assert(
      fc.property(anyText, (text) => {
        try {
          // Whatever the layout, references are unique: the database keys recommendations by them.
          const references = parsePlan(text).recommendations.map((r) => r.reference);
          expect(new Set(references).size).toBe(references.length);
        } catch (error) {
          expect(error).toBeInstanceOf(PlanParseError);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
