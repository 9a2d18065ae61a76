/**
 * The reader end to end, from the bytes of each format to the plan: one small plan, written the way
 * a council would publish it in that format, must come back with the same actions, leads, deadlines
 * and statuses. Expected values are the ones written into each document.
 */
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from "docx";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { ReadPlan } from "../../../../src/modules/import/import.plan.js";
import { readPlanDocument } from "../../../../src/modules/import/reader/plan.reader.js";
import { writePdf } from "../../../support/pdf-writer.js";

const header = ["Ref", "Recommendation", "Action", "Lead", "Target date", "Status"];
const rows = [
  [
    "1",
    "Develop a medium term financial strategy for the council",
    "Agree the budget strategy at Cabinet",
    "Director of Finance",
    "March 2025",
    "Complete",
  ],
  [
    "2",
    "Strengthen the council's scrutiny arrangements",
    "Commission training for all scrutiny members",
    "Monitoring Officer",
    "September 2025",
    "In progress",
  ],
];
const intro = "Action plan in response to the LGA Corporate Peer Challenge";

function expectPlan(plan: ReadPlan): void {
  expect(plan.recommendations.map((r) => r.reference)).toEqual(["1", "2"]);
  expect(
    plan.recommendations.map((r) => r.actions.map((a) => [a.text, a.lead, a.target.deadline, a.status?.status])),
  ).toEqual([
    [["Agree the budget strategy at Cabinet", "Director of Finance", "2025-03-31", "COMPLETE"]],
    [["Commission training for all scrutiny members", "Monitoring Officer", "2025-09-30", "IN_PROGRESS"]],
  ]);
  for (const rec of plan.recommendations) for (const a of rec.actions) expect(a.confidence.lead).toBeGreaterThan(0.6);
}

describe("readPlanDocument reads each format end to end", () => {
  it("HTML, including a status given only as a cell's background colour", async () => {
    const cells = (r: string[], tag: string) => r.map((c) => `<${tag}>${c}</${tag}>`).join("");
    const html = `<!doctype html><html><head><title>${intro}</title></head><body><nav><a href="/">Home</a></nav>
      <h1>${intro}</h1><table><thead><tr>${cells(header, "th")}</tr></thead><tbody>
      ${rows.map((r) => `<tr>${cells(r, "td")}</tr>`).join("")}
      <tr><td>3</td><td>Improve engagement with the council's residents</td><td>Run a residents' survey</td><td>Head of Communications</td><td>June 2025</td><td style="background-color: #FF0000"></td></tr>
      </tbody></table></body></html>`;
    const plan = await readPlanDocument(Buffer.from(html), { filename: "plan.aspx" });
    expect(plan.format).toBe("HTML");
    expect(plan.recommendations[2]!.actions[0]!.status?.rag).toBe("RED");
    plan.recommendations.pop();
    expectPlan(plan);
  });

  it("XLSX, with a title row above the table and a colour-only status", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Action plan");
    sheet.addRow([intro]);
    sheet.addRow(header);
    for (const r of rows) sheet.addRow(r);
    const last = sheet.addRow([
      "3",
      "Improve engagement with the council's residents",
      "Run a residents' survey",
      "Head of Communications",
      "June 2025",
      "",
    ]);
    last.getCell(6).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF00B050" } };
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const plan = await readPlanDocument(bytes, { filename: "plan.xlsx" });
    expect(plan.format).toBe("XLSX");
    expect(plan.recommendations[2]!.actions[0]!.status?.rag).toBe("GREEN");
    plan.recommendations.pop();
    expectPlan(plan);
  });

  it("XLSX with several actions packed in one cell, an empty line an empty status (UNKNOWN)", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Plan");
    sheet.addRow(header);
    sheet.addRow([
      "1",
      "Develop a workforce strategy for the organisation",
      "• Run a staff survey\n• Agree the workforce strategy\n• Launch a leadership programme",
      "Head of HR",
      "May 2025\nJuly 2025\nOctober 2025",
      "Complete\n\nNot started",
    ]);
    const plan = await readPlanDocument(new Uint8Array(await workbook.xlsx.writeBuffer()), { filename: "plan.xlsx" });
    expect(plan.recommendations[0]!.actions.map((a) => [a.text, a.target.deadline, a.status?.status ?? null])).toEqual([
      ["Run a staff survey", "2025-05-31", "COMPLETE"],
      ["Agree the workforce strategy", "2025-07-31", "UNKNOWN"],
      ["Launch a leadership programme", "2025-10-31", "NOT_STARTED"],
    ]);
  });

  it("DOCX", async () => {
    const row = (r: string[]) =>
      new TableRow({
        children: r.map((c) => new TableCell({ children: [new Paragraph({ children: [new TextRun(c)] })] })),
      });
    const doc = new Document({
      sections: [{ children: [new Paragraph(intro), new Table({ rows: [row(header), ...rows.map(row)] })] }],
    });
    const plan = await readPlanDocument(new Uint8Array(await Packer.toBuffer(doc)), { filename: "plan.docx" });
    expect(plan.format).toBe("DOCX");
    expectPlan(plan);
  });

  it("PDF, a table drawn with ruling lines", async () => {
    const xs = [40, 80, 260, 400, 510, 600];
    const widthEnd = 700;
    const texts = [{ text: intro, x: 40, y: 40, size: 14 }];
    const lines = [];
    [header, ...rows].forEach((r, i) => {
      const y = 80 + i * 30;
      r.forEach((text, c) => texts.push({ text, x: xs[c]! + 3, y: y + 8, size: 8 }));
      lines.push({ x1: 40, y1: y, x2: widthEnd, y2: y });
    });
    lines.push({ x1: 40, y1: 80 + 3 * 30, x2: widthEnd, y2: 80 + 3 * 30 });
    for (const x of [...xs, widthEnd]) lines.push({ x1: x, y1: 80, x2: x, y2: 80 + 3 * 30 });
    const pdf = await writePdf({ size: [842, 595], pages: [{ texts, lines }] });
    const plan = await readPlanDocument(new Uint8Array(pdf), { filename: "plan.pdf" });
    expect(plan.format).toBe("PDF");
    expectPlan(plan);
  });

  it("CSV with packed cells whose first or last actions have no value: a blank line at either end is theirs", async () => {
    const csv = [
      header,
      [
        "1",
        "Develop a workforce strategy for the organisation",
        "• Run a staff survey\n• Agree the workforce strategy\n• Launch a leadership programme",
        "Head of HR",
        "\nJuly 2025\nOctober 2025",
        "Complete\n\n",
      ],
    ]
      .map((r) => r.map((c) => `"${c}"`).join(","))
      .join("\n");
    const plan = await readPlanDocument(Buffer.from(csv), { filename: "plan.csv" });
    expect(plan.recommendations[0]!.actions.map((a) => [a.lead, a.target.deadline, a.status?.status ?? null])).toEqual([
      ["Head of HR", null, "COMPLETE"],
      ["Head of HR", "2025-07-31", "UNKNOWN"],
      ["Head of HR", "2025-10-31", "UNKNOWN"],
    ]);
  });

  it("CSV and Markdown", async () => {
    const csv = [header, ...rows].map((r) => r.map((c) => `"${c}"`).join(",")).join("\n");
    const fromCsv = await readPlanDocument(Buffer.from(csv), { filename: "plan.csv" });
    expect(fromCsv.format).toBe("CSV");
    expectPlan(fromCsv);
    const md = [
      `# ${intro}`,
      "",
      `| ${header.join(" | ")} |`,
      `|${header.map(() => "---").join("|")}|`,
      ...rows.map((r) => `| ${r.join(" | ")} |`),
    ].join("\n");
    const fromMarkdown = await readPlanDocument(Buffer.from(md), { filename: "plan.md" });
    expect(fromMarkdown.format).toBe("MARKDOWN");
    expectPlan(fromMarkdown);
  });
});
