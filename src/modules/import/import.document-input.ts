import { invalidImportOption } from "./import.errors.js";
import type { ImportPlanInput } from "./import.input.js";

/** The document an importPlan request carries, as bytes, with the name to file it under. */
export interface ImportDocument {
  content: Uint8Array;
  filename: string;
}

const documentArguments = ["text", "contentBase64", "file"] as const;

/** Standard base64 (RFC 4648 section 4), padded or not; whitespace is removed first (MIME line breaks). */
const base64Alphabet = /^[A-Za-z0-9+/]*(={0,2})$/;

function decodeBase64(value: string): Uint8Array {
  const compact = value.replace(/\s+/g, "");
  const padding = base64Alphabet.exec(compact)?.[1];
  // Node's decoder skips whatever is not base64, so a mangled value would import as something else.
  const wellFormed = padding !== undefined && (padding === "" ? compact.length % 4 !== 1 : compact.length % 4 === 0);
  if (!wellFormed) {
    throw invalidImportOption("contentBase64", "contentBase64 is not standard base64 (A-Z, a-z, 0-9, +, /, = padding)");
  }
  return Buffer.from(compact, "base64");
}

/** Exactly one of text, contentBase64 and file, as the bytes the reader takes. */
export function importDocument(input: ImportPlanInput): ImportDocument {
  const given = documentArguments.filter((name) => input[name] != null);
  const [first, second] = given;
  if (first === undefined) {
    throw invalidImportOption("text", "importPlan needs the document in one of text, contentBase64 or file");
  }
  if (second !== undefined) {
    throw invalidImportOption(second, `importPlan takes the document once: ${first} and ${second} were both given`);
  }
  if (first === "text") {
    return { content: new TextEncoder().encode(input.text ?? ""), filename: input.filename ?? "upload.txt" };
  }
  if (first === "contentBase64") {
    return { content: decodeBase64(input.contentBase64 ?? ""), filename: input.filename ?? "upload" };
  }
  const file = input.file;
  return { content: file?.bytes ?? new Uint8Array(), filename: input.filename ?? file?.filename ?? "upload" };
}
