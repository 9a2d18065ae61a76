import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sourceDocumentsTable } from "../../../src/modules/import/source-document.table.js";
import { fromGlobalId } from "../../../src/shared/graphql/global-id.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import { databaseKind } from "../../support/test-database.js";

/**
 * What the service stores for a binary format, before any binary reader exists: the reader is
 * replaced for documents that start with this marker by one that reads the text after it and
 * says PDF, as a PDF reader will (its text is its extraction, not the bytes).
 */
const marker = Buffer.concat([Buffer.from("%PDF-1.7 ", "latin1"), Buffer.from([0xff, 0x00, 0x0a])]);

vi.mock("../../../src/modules/import/reader/plan.reader.js", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../../src/modules/import/reader/plan.reader.js")>();
  return {
    ...actual,
    readPlanDocument: async (bytes: Uint8Array, options: { filename?: string | null } = {}) => {
      if (!marker.equals(bytes.subarray(0, marker.length))) return actual.readPlanDocument(bytes, options);
      const plan = await actual.readPlanDocument(bytes.subarray(marker.length), options);
      return {
        ...plan,
        format: "PDF" as const,
        confidence: { overall: 0.6, reasons: ["one owner guessed"] },
        lowConfidence: [
          {
            reference: "1",
            order: 1,
            field: "lead" as const,
            value: "Head of HR",
            confidence: 0.4,
            reason: "no column says so",
            line: 2,
          },
        ],
      };
    },
  };
});

describe(`a binary document's original and report (${databaseKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it("keeps the original bytes beside the extracted text, and reports the format and the low-confidence fields", async () => {
    const text = [
      "Ref\tRecommendation\tAction\tOwner\tTimeframe\tStatus",
      "1\tPublish a workforce strategy\tDraft the strategy\tHead of HR\tMarch 2025\tIn progress",
    ].join("\n");
    // The marker holds bytes no text decoding would give back: the original must be stored as bytes.
    const original = Buffer.concat([marker, Buffer.from(text)]);
    const { data, errors } = await t.execute<{ importPlan: Record<string, unknown> }>(
      `mutation($input: ImportPlanInput!) { importPlan(input: $input) {
        outcome format confidence confidenceReasons lowConfidence { reference order field value confidence reason line }
        contentHash sourceDocumentId } }`,
      {
        input: {
          contentBase64: original.toString("base64"),
          filename: "rochford.pdf",
          council: "E07000075",
          challenge: "2023-11-01",
          recordedOn: "2025-01-01",
          publish: true,
        },
      },
      { admin: true },
    );
    expect(errors).toBeUndefined();
    expect(data?.importPlan).toMatchObject({
      outcome: "CREATED",
      format: "PDF",
      confidence: 0.6,
      confidenceReasons: ["one owner guessed"],
      lowConfidence: [
        {
          reference: "1",
          order: 1,
          field: "lead",
          value: "Head of HR",
          confidence: 0.4,
          reason: "no column says so",
          line: 2,
        },
      ],
      contentHash: createHash("sha256").update(original).digest("hex"),
    });
    const id = fromGlobalId(String(data?.importPlan["sourceDocumentId"])).id;
    const [row] = await t.database.db
      .select({
        format: sourceDocumentsTable.format,
        byteSize: sourceDocumentsTable.byteSize,
        content: sourceDocumentsTable.content,
        original: sourceDocumentsTable.original,
      })
      .from(sourceDocumentsTable)
      .where(eq(sourceDocumentsTable.id, id));
    expect(row?.format).toBe("PDF");
    expect(row?.byteSize).toBe(original.length);
    expect(row?.content).toBe(text);
    expect(Buffer.from(row?.original ?? new Uint8Array()).equals(original)).toBe(true);
    const node = await t.execute<{ node: { format: string } }>(
      `query($id: ID!) { node(id: $id) { ... on SourceDocument { format } } }`,
      { id: String(data?.importPlan["sourceDocumentId"]) },
    );
    expect(node.data?.node).toEqual({ format: "PDF" });
  });
});
