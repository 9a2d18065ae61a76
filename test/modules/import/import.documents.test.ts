import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { count, eq } from "drizzle-orm";
import PDFDocument from "pdfkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readPlanDocument } from "../../../src/modules/import/reader/plan.reader.js";
import { sourceDocumentsTable } from "../../../src/modules/import/source-document.table.js";
import { fromGlobalId } from "../../../src/shared/graphql/global-id.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import { databaseKind } from "../../support/test-database.js";

/** Small enough that a test document can be over it, large enough for Harlow's plan (8,307 bytes). */
const limit = 16_384;

const harlowBytes = readFileSync("seeds/plans/harlow.txt");
const harlow = harlowBytes.toString("utf8");
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const base64 = (text: string | Uint8Array) => Buffer.from(text).toString("base64");

const importMutation = `mutation($input: ImportPlanInput!) { importPlan(input: $input) {
  filename outcome format layout confidence confidenceReasons
  lowConfidence { reference order field value confidence reason line }
  recommendations actions contentHash sourceDocumentId } }`;

interface Report {
  filename: string;
  outcome: string;
  format: string;
  layout: string;
  confidence: number;
  confidenceReasons: string[];
  lowConfidence: unknown[];
  recommendations: number;
  actions: number;
  contentHash: string;
  sourceDocumentId: string | null;
}

/** A one-page PDF holding a sentence and no plan, made with pdfkit. */
function pdfWithoutPlan(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument();
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.text("Our council's news: the library reopens on Monday.");
    doc.end();
  });
}

describe(`importPlan's three ways in for a document, and its limit (${databaseKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { importMaxDocumentBytes: limit } });
  });
  afterAll(async () => t.close());

  const documents = async () => (await t.database.db.select({ n: count() }).from(sourceDocumentsTable))[0]?.n;
  const importPlan = (input: Record<string, unknown>) =>
    t.execute<{ importPlan: Report }>(
      importMutation,
      { input: { council: "E07000073", challenge: "2023-01-01", recordedOn: "2024-06-01", publish: true, ...input } },
      { admin: true },
    );

  it("reads Harlow's plan the same from text and from base64, hashed as its file's bytes, with the reader's confidence", async () => {
    const fromText = await importPlan({ text: harlow, filename: "harlow.txt", dryRun: true });
    const fromBase64 = await importPlan({ contentBase64: base64(harlow), filename: "harlow.txt", dryRun: true });
    // MIME-style base64 (line breaks every 76 characters, as `base64` prints it) decodes to the same bytes.
    const wrapped = base64(harlow).replace(/.{76}/g, "$&\n");
    const fromWrapped = await importPlan({ contentBase64: wrapped, filename: "harlow.txt", dryRun: true });
    expect(fromText.errors).toBeUndefined();
    expect(fromBase64.errors).toBeUndefined();
    expect(fromWrapped.errors).toBeUndefined();
    const plan = await readPlanDocument(harlowBytes, { filename: "harlow.txt" });
    expect(fromText.data?.importPlan).toEqual({
      filename: "harlow.txt",
      // Seeded from the same file: the hash of its bytes is already held.
      outcome: "UNCHANGED",
      format: "TEXT",
      layout: "DELIMITED_TABLE",
      confidence: plan.confidence.overall,
      confidenceReasons: plan.confidence.reasons,
      lowConfidence: plan.lowConfidence,
      recommendations: 13,
      actions: 66,
      contentHash: sha256(harlowBytes),
      sourceDocumentId: null,
    });
    expect(fromBase64.data?.importPlan).toEqual(fromText.data?.importPlan);
    expect(fromWrapped.data?.importPlan).toEqual(fromText.data?.importPlan);
  });

  it.each([
    ["neither text, contentBase64 nor file", {}, "text"],
    ["both text and contentBase64", { text: harlow, contentBase64: base64(harlow) }, "contentBase64"],
    ["base64 with a character outside its alphabet", { contentBase64: "SGVsbG8*" }, "contentBase64"],
    ["base64 of an impossible length", { contentBase64: "SGVsb" }, "contentBase64"],
    ["base64 with padding in the middle", { contentBase64: "SG==bG8=" }, "contentBase64"],
  ])("refuses %s with import.invalid_option naming %s, and writes nothing", async (_what, input, argument) => {
    const before = await documents();
    const { data, errors } = await importPlan(input);
    expect(data).toBeNull();
    expect(errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", reason: "import.invalid_option", argument });
    expect(await documents()).toBe(before);
  });

  it("refuses a document one byte over IMPORT_MAX_DOCUMENT_BYTES, sent either way, and reads one at the limit", async () => {
    // Blank lines after the plan: they change no reading, only the size.
    const padded = (size: number) => harlow + "\n".repeat(size - harlowBytes.length);
    const before = await documents();
    for (const input of [{ text: padded(limit + 1) }, { contentBase64: base64(padded(limit + 1)) }]) {
      const { data, errors } = await importPlan({ ...input, recordedOn: "2025-01-01" });
      expect(data).toBeNull();
      expect(errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", reason: "import.too_large" });
      expect(errors?.[0]?.message).toContain(`${limit + 1} bytes; at most ${limit}`);
    }
    expect(await documents()).toBe(before);
    const atLimit = await importPlan({ text: padded(limit), dryRun: true });
    expect(atLimit.errors).toBeUndefined();
    expect(atLimit.data?.importPlan).toMatchObject({ outcome: "UPDATED", recommendations: 13, actions: 66 });
  });

  it("stores a text document's format, size and hash, with no separate original", async () => {
    const csv = [
      "Ref,Recommendation,Action,Owner,Timeframe,RAG",
      '1,"Refresh the medium term financial strategy","Publish a three-year MTFS",Section 151 Officer,Q3 2025/26,Amber',
    ].join("\n");
    const bytes = new TextEncoder().encode(csv);
    const { data, errors } = await importPlan({
      contentBase64: base64(bytes),
      filename: "uttlesford.csv",
      council: "E07000077",
      challenge: "2024-10-01",
    });
    expect(errors).toBeUndefined();
    expect(data?.importPlan).toMatchObject({ outcome: "CREATED", format: "CSV", contentHash: sha256(bytes) });
    const id = data?.importPlan.sourceDocumentId ?? "";
    const stored = await t.execute<{ node: Record<string, unknown> }>(
      `query($id: ID!) { node(id: $id) { ... on SourceDocument { filename format byteSize contentHash } } }`,
      { id },
    );
    expect(stored.data?.node).toEqual({
      filename: "uttlesford.csv",
      format: "CSV",
      byteSize: bytes.length,
      contentHash: sha256(bytes),
    });
    const [row] = await t.database.db
      .select({ original: sourceDocumentsTable.original, content: sourceDocumentsTable.content })
      .from(sourceDocumentsTable)
      .where(eq(sourceDocumentsTable.id, fromGlobalId(id).id));
    expect(row).toEqual({ original: null, content: csv });
  });

  it("answers a PDF sent as base64 that holds no plan with the reader's coded error, and writes nothing", async () => {
    const pdf = await pdfWithoutPlan();
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const before = await documents();
    const { data, errors } = await importPlan({ contentBase64: base64(pdf), filename: "news.pdf" });
    expect(data).toBeNull();
    expect(errors).toHaveLength(1);
    const extensions = errors?.[0]?.extensions ?? {};
    // Which reason depends on how far PDF reading has come (the interim text reader finds binary
    // content); never the masked internal error.
    expect(extensions["code"]).toBe("BAD_USER_INPUT");
    expect(String(extensions["reason"])).toMatch(/^import\./);
    expect(errors?.[0]?.message).not.toBe("Internal server error");
    expect(await documents()).toBe(before);
  });
});
