import type { IncomingHttpHeaders } from "node:http";
import busboy from "busboy";
import { AppError, sharedErrorCodes } from "../shared/errors/app-error.js";
import { UploadedFile } from "../shared/graphql/upload.scalar.js";
import { PlanParseError } from "../modules/import/parsers/parse.errors.js";

/**
 * GraphQL multipart requests (https://github.com/jaydenseric/graphql-multipart-request-spec): a
 * `operations` part holding the usual JSON request with each file variable set to null, a `map`
 * part naming, for each file part, the object paths it fills ("variables.input.file"), then the
 * files. The body was read whole and bounded before it gets here, so parsing it is too; a file is
 * at most one document.
 */

export interface MultipartLimits {
  /** Largest file part, in bytes: IMPORT_MAX_DOCUMENT_BYTES. */
  maxFileBytes: number;
  maxFiles: number;
}

/** What the `operations` and `map` parts together may take, beyond the files. */
export const multipartFieldAllowanceBytes = 64 * 1024;

/** The whole multipart body's limit: the files, their part headers and the other parts. */
export function multipartBodyLimit(limits: MultipartLimits): number {
  return limits.maxFileBytes * limits.maxFiles + multipartFieldAllowanceBytes;
}

/** A multipart body refused, with the HTTP status to answer and the error to show. */
export class MultipartRefused extends Error {
  constructor(
    readonly status: number,
    readonly error: AppError,
  ) {
    super(error.message);
    this.name = "MultipartRefused";
  }
}

export function isMultipart(contentType: string | undefined): boolean {
  return /^\s*multipart\/form-data\s*(;|$)/i.test(contentType ?? "");
}

function bad(argument: string, message: string): MultipartRefused {
  return new MultipartRefused(400, new AppError(sharedErrorCodes.badMultipart, message, { argument }));
}

interface FilePart {
  filename: string | null;
  mimeType: string;
  chunks: Buffer[];
  truncated: boolean;
}

interface Parts {
  fields: Map<string, { value: string; truncated: boolean }>;
  files: Map<string, FilePart>;
  tooManyFiles: boolean;
  tooManyFields: boolean;
}

function readParts(headers: IncomingHttpHeaders, body: Buffer, limits: MultipartLimits): Promise<Parts> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers,
        limits: {
          fileSize: limits.maxFileBytes,
          files: limits.maxFiles,
          // Two are allowed; room for two more lets the refusal name a stray one.
          fields: 4,
          fieldSize: multipartFieldAllowanceBytes,
        },
      });
    } catch (error) {
      // A multipart content type without a boundary.
      reject(bad("content-type", `The multipart body cannot be read: ${(error as Error).message}`));
      return;
    }
    const parts: Parts = { fields: new Map(), files: new Map(), tooManyFiles: false, tooManyFields: false };
    parser.on("field", (name, value, info) => parts.fields.set(name, { value, truncated: info.valueTruncated }));
    parser.on("file", (name, stream, info) => {
      const part: FilePart = { filename: info.filename ?? null, mimeType: info.mimeType, chunks: [], truncated: false };
      parts.files.set(name, part);
      stream.on("data", (chunk: Buffer) => part.chunks.push(chunk));
      // Busboy stops keeping the part at the limit; what was kept is not the document.
      stream.on("limit", () => {
        part.truncated = true;
        part.chunks = [];
      });
    });
    parser.on("filesLimit", () => (parts.tooManyFiles = true));
    parser.on("fieldsLimit", () => (parts.tooManyFields = true));
    parser.on("error", (error: Error) => reject(bad("body", `The multipart body cannot be read: ${error.message}`)));
    parser.on("close", () => resolve(parts));
    parser.end(body);
  });
}

function parseJsonPart(parts: Parts, name: "operations" | "map"): unknown {
  const field = parts.fields.get(name);
  if (field === undefined) {
    throw bad(name, `The multipart request has no "${name}" part before its files (graphql-multipart-request-spec)`);
  }
  if (field.truncated) {
    throw new MultipartRefused(
      413,
      new AppError(
        sharedErrorCodes.bodyTooLarge,
        `The "${name}" part is over ${multipartFieldAllowanceBytes} bytes; send documents as file parts`,
        { argument: name },
      ),
    );
  }
  try {
    return JSON.parse(field.value);
  } catch {
    throw bad(name, `The "${name}" part is not valid JSON`);
  }
}

const unsafeSegments = new Set(["__proto__", "prototype", "constructor"]);

/** Puts `file` at `path` ("variables.input.file") in `operations`, where the spec wants a null placeholder. */
function place(operations: Record<string, unknown>, path: string, file: UploadedFile, part: string): void {
  const segments = path.split(".");
  let holder: unknown = operations;
  for (const [i, segment] of segments.entries()) {
    if (unsafeSegments.has(segment) || typeof holder !== "object" || holder === null) break;
    const record = holder as Record<string, unknown>;
    if (!Object.hasOwn(record, segment)) break;
    if (i === segments.length - 1) {
      if (record[segment] !== null) break;
      record[segment] = file;
      return;
    }
    holder = record[segment];
  }
  throw bad("map", `The map sends file part "${part}" to "${path}", which is not a null placeholder in operations`);
}

/**
 * Reads a multipart GraphQL request into the request Apollo expects, with each file (an
 * {@link UploadedFile}) where the map puts it. Throws {@link MultipartRefused} for a body that breaks
 * the spec or the limits.
 */
export async function parseMultipartRequest(
  headers: IncomingHttpHeaders,
  body: Buffer,
  limits: MultipartLimits,
): Promise<Record<string, unknown>> {
  const parts = await readParts(headers, body, limits);
  if (parts.tooManyFiles) {
    throw bad("map", `A request may send at most ${limits.maxFiles} file${limits.maxFiles === 1 ? "" : "s"}`);
  }
  for (const [name, file] of parts.files) {
    if (file.truncated) {
      throw new MultipartRefused(
        413,
        new PlanParseError(
          "import.too_large",
          `File part "${name}" is over the limit of ${limits.maxFileBytes} bytes (IMPORT_MAX_DOCUMENT_BYTES)`,
        ),
      );
    }
  }
  const unexpected = [...parts.fields.keys()].find((name) => name !== "operations" && name !== "map");
  if (parts.tooManyFields || unexpected !== undefined) {
    throw bad(
      unexpected ?? "body",
      `A multipart request holds "operations", "map" and file parts only${unexpected === undefined ? "" : `; "${unexpected}" is not a file part`}`,
    );
  }
  const operations = parseJsonPart(parts, "operations");
  if (typeof operations !== "object" || operations === null || Array.isArray(operations)) {
    throw bad("operations", `The "operations" part must be one GraphQL request object (batches are not served)`);
  }
  const map = parseJsonPart(parts, "map");
  if (typeof map !== "object" || map === null || Array.isArray(map)) {
    throw bad("map", `The "map" part must be an object from file part names to lists of paths`);
  }
  for (const [name, paths] of Object.entries(map as Record<string, unknown>)) {
    const part = parts.files.get(name);
    if (part === undefined) throw bad("map", `The map names file part "${name}", which the request does not hold`);
    if (!Array.isArray(paths) || paths.length === 0 || !paths.every((p) => typeof p === "string")) {
      throw bad(
        "map",
        `The map's entry for "${name}" must be a non-empty list of paths such as "variables.input.file"`,
      );
    }
    const file = new UploadedFile(part.filename, part.mimeType, Buffer.concat(part.chunks));
    for (const path of paths) place(operations as Record<string, unknown>, path, file, name);
  }
  const unmapped = [...parts.files.keys()].find((name) => !Object.hasOwn(map, name));
  if (unmapped !== undefined) throw bad("map", `File part "${unmapped}" is not in the map`);
  return operations as Record<string, unknown>;
}
