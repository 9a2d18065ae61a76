import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpServer } from "../../src/app/http-server.js";
import { httpRoutes } from "../../src/app/routes.js";
import { sourceDocumentsTable } from "../../src/modules/import/source-document.table.js";
import { adminToken, createTestApp, type TestApp } from "../support/test-app.js";
import { databaseKind } from "../support/test-database.js";

/** Per-document limit of this app: over Harlow's 8,307 bytes, far under the default. */
const documentLimit = 16_384;
/** The JSON body limit, below Harlow's size: an upload must not depend on it. */
const bodyLimit = 4096;

const harlow = readFileSync("seeds/plans/harlow.txt");
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

const mutation = `mutation($input: ImportPlanInput!) { importPlan(input: $input) {
  filename outcome format confidence lowConfidence { reference } recommendations actions contentHash } }`;
const operations = (input: Record<string, unknown> = {}) =>
  JSON.stringify({
    query: mutation,
    variables: {
      input: {
        file: null,
        council: "E07000073",
        challenge: "2023-01-01",
        recordedOn: "2024-06-01",
        publish: true,
        ...input,
      },
    },
  });
const mapToInput = JSON.stringify({ 0: ["variables.input.file"] });

interface Body {
  data?: { importPlan: Record<string, unknown> } | null;
  errors?: { message: string; extensions: Record<string, unknown> }[];
}

describe(`importPlan by multipart upload, over HTTP (${databaseKind})`, () => {
  let t: TestApp;
  let server: Server;
  let url: string;
  beforeAll(async () => {
    t = await createTestApp({ config: { importMaxDocumentBytes: documentLimit, bodyLimitBytes: bodyLimit } });
    server = createHttpServer(t.app, httpRoutes);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await t.close();
  });

  const documents = async () => (await t.database.db.select({ n: count() }).from(sourceDocumentsTable))[0]?.n;

  /** Parts in the order given; a file is [name, bytes, filename]. */
  function form(...parts: ([string, string] | [string, Uint8Array, string])[]): FormData {
    const data = new FormData();
    for (const [name, value, filename] of parts) {
      if (typeof value === "string") data.append(name, value);
      else data.append(name, new Blob([value], { type: "text/plain" }), filename);
    }
    return data;
  }

  async function post(body: FormData, headers: Record<string, string> = { "apollo-require-preflight": "true" }) {
    const response = await fetch(url, {
      method: "POST",
      headers: { authorization: `Bearer ${adminToken}`, ...headers },
      body,
    });
    return { status: response.status, body: (await response.json()) as Body };
  }

  it("reads an uploaded file as the same bytes the seed imported, past the JSON body limit", async () => {
    expect(harlow.length).toBeGreaterThan(bodyLimit);
    const { status, body } = await post(
      form(["operations", operations({ dryRun: true })], ["map", mapToInput], ["0", harlow, "harlow.txt"]),
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data?.importPlan).toMatchObject({
      filename: "harlow.txt",
      outcome: "UNCHANGED",
      format: "TEXT",
      recommendations: 13,
      actions: 66,
      contentHash: sha256(harlow),
    });
    expect(typeof body.data?.importPlan["confidence"]).toBe("number");
    expect(Array.isArray(body.data?.importPlan["lowConfidence"])).toBe(true);
  });

  it("names the file itself when filename is given", async () => {
    const { body } = await post(
      form(
        ["operations", operations({ dryRun: true, filename: "harlow-2023.txt" })],
        ["map", mapToInput],
        ["0", harlow, "upload.bin"],
      ),
    );
    expect(body.data?.importPlan).toMatchObject({ filename: "harlow-2023.txt", outcome: "UNCHANGED" });
  });

  it("is refused by Apollo's CSRF prevention without a preflight header", async () => {
    const before = await documents();
    const { status, body } = await post(
      form(["operations", operations()], ["map", mapToInput], ["0", harlow, "harlow.txt"]),
      {},
    );
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toEqual({ code: "BAD_REQUEST", reason: "request.bad_request" });
    expect(await documents()).toBe(before);
  });

  it.each([
    [
      "no map",
      [
        ["operations", operations()],
        ["0", harlow, "harlow.txt"],
      ],
      "map",
    ],
    [
      "no operations",
      [
        ["map", mapToInput],
        ["0", harlow, "harlow.txt"],
      ],
      "operations",
    ],
    [
      "operations that are not JSON",
      [
        ["operations", "{ query"],
        ["map", mapToInput],
        ["0", harlow, "a.txt"],
      ],
      "operations",
    ],
    [
      "a map naming a file part the request lacks",
      [
        ["operations", operations()],
        ["map", JSON.stringify({ 1: ["variables.input.file"] })],
        ["0", harlow, "a.txt"],
      ],
      "map",
    ],
    [
      "a map path that is not a null placeholder",
      [
        ["operations", operations()],
        ["map", JSON.stringify({ 0: ["variables.input.council"] })],
        ["0", harlow, "a.txt"],
      ],
      "map",
    ],
    [
      "a map path into the prototype",
      [
        ["operations", operations()],
        ["map", JSON.stringify({ 0: ["__proto__.polluted"] })],
        ["0", harlow, "a.txt"],
      ],
      "map",
    ],
    [
      "two files",
      [
        ["operations", operations()],
        ["map", JSON.stringify({ 0: ["variables.input.file"], 1: ["variables.input.file"] })],
        ["0", harlow, "a.txt"],
        ["1", harlow, "b.txt"],
      ],
      "map",
    ],
    [
      "a document sent as a plain field instead of a file",
      [
        ["operations", operations()],
        ["map", mapToInput],
        ["0", harlow.toString("utf8")],
      ],
      "0",
    ],
  ] as [string, ([string, string] | [string, Uint8Array, string])[], string][])(
    "answers %s with 400 request.bad_multipart, naming the part, and writes nothing",
    async (_what, parts, argument) => {
      const before = await documents();
      const { status, body } = await post(form(...parts));
      expect(status).toBe(400);
      expect(body.errors).toHaveLength(1);
      expect(body.errors?.[0]?.extensions).toEqual({ code: "BAD_REQUEST", reason: "request.bad_multipart", argument });
      expect(await documents()).toBe(before);
      expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    },
  );

  it("answers a file one byte over IMPORT_MAX_DOCUMENT_BYTES with 413 import.too_large", async () => {
    const before = await documents();
    const { status, body } = await post(
      form(["operations", operations()], ["map", mapToInput], ["0", new Uint8Array(documentLimit + 1), "big.txt"]),
    );
    expect(status).toBe(413);
    expect(body.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", reason: "import.too_large" });
    expect(body.errors?.[0]?.message).toContain(`over the limit of ${documentLimit} bytes`);
    expect(await documents()).toBe(before);
  });

  it("answers a multipart body over the document limit and its 64 KiB allowance with 413 request.body_too_large", async () => {
    const { status, body } = await post(
      form(
        ["operations", operations()],
        ["map", mapToInput],
        ["0", new Uint8Array(documentLimit + 64 * 1024 + 1), "huge.txt"],
      ),
    );
    expect(status).toBe(413);
    expect(body.errors?.[0]?.extensions).toEqual({ code: "BAD_REQUEST", reason: "request.body_too_large" });
    expect(body.errors?.[0]?.message).toContain(`limit of ${documentLimit + 64 * 1024} bytes`);
  });

  it("keeps the JSON body limit for a JSON request", async () => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({
        query: mutation,
        variables: { input: { text: harlow.toString("utf8"), council: "E07000073", dryRun: true } },
      }),
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as Body).errors?.[0]?.extensions).toEqual({
      code: "BAD_REQUEST",
      reason: "request.body_too_large",
    });
  });

  it("refuses a file variable in a JSON body, where no file can be", async () => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({ query: mutation, variables: { input: { file: "aGVsbG8=", council: "E07000073" } } }),
    });
    const body = (await response.json()) as Body;
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "input.invalid" });
  });
});
