import { Unzip, UnzipInflate, UnzipPassThrough, unzipSync } from "fflate";
import { PlanParseError } from "../parsers/parse.errors.js";

/** What an Office file (DOCX, XLSX: zip archives of XML) may expand to before it is refused. */
export interface ZipLimits {
  /** Entries in the archive. */
  maxEntries: number;
  /** Uncompressed bytes of all the entries that are read, together. */
  maxTotalBytes: number;
  /** Uncompressed bytes over compressed bytes, for the archive as a whole: a zip bomb's tell. */
  maxRatio: number;
}

export const officeZipLimits: ZipLimits = {
  maxEntries: 10_000,
  maxTotalBytes: 200 * 1024 * 1024,
  maxRatio: 200,
};

/** Little-endian "PK\x03\x04": every zip archive starts with a local file header. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * Inflates the entries `wanted` picks, counting every byte as it is inflated, so a zip bomb is
 * stopped at the limit rather than after it has filled memory: the sizes an archive declares are
 * not trusted. Entries not wanted are skipped without being inflated.
 */
export function unzipCapped(
  bytes: Uint8Array,
  wanted: (name: string) => boolean,
  limits: ZipLimits = officeZipLimits,
): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array[]>();
  let entries = 0;
  let total = 0;
  const maxTotal = Math.min(limits.maxTotalBytes, Math.max(1024 * 1024, bytes.length * limits.maxRatio));
  let failure = null as PlanParseError | null;
  const unzip = new Unzip((file) => {
    if (failure) return;
    entries++;
    if (entries > limits.maxEntries) {
      failure = new PlanParseError("import.limit_exceeded", `The archive has more than ${limits.maxEntries} entries.`);
      return;
    }
    if (!wanted(file.name)) return;
    const chunks: Uint8Array[] = [];
    files.set(file.name, chunks);
    file.ondata = (error, chunk) => {
      if (failure) return;
      if (error) {
        failure = new PlanParseError("import.corrupt_document", `The archive entry ${file.name} cannot be inflated.`);
        return;
      }
      total += chunk.length;
      if (total > maxTotal) {
        failure = new PlanParseError(
          "import.limit_exceeded",
          `The archive expands to more than ${maxTotal} bytes (from ${bytes.length}): refused as a possible zip bomb.`,
        );
        file.terminate();
        return;
      }
      chunks.push(chunk);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  try {
    // Pushed in slices so a bomb is noticed between slices, not after the whole archive is inflated.
    const slice = 64 * 1024;
    for (let offset = 0; offset < bytes.length && !failure; offset += slice) {
      unzip.push(bytes.subarray(offset, offset + slice), offset + slice >= bytes.length);
    }
  } catch (error) {
    if (error instanceof PlanParseError) throw error;
    throw new PlanParseError("import.corrupt_document", "The file is not a readable zip archive.");
  }
  // Set inside fflate's callbacks, which the compiler's narrowing does not follow.
  const stopped = failure as Error | null;
  if (stopped) throw stopped;
  const out = new Map<string, Uint8Array>();
  for (const [name, chunks] of files) out.set(name, concat(chunks));
  return out;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Thrown inside fflate's filter to stop reading names once enough are known. */
class EnoughNames extends Error {}

/**
 * The names of at most `max` entries, read from the archive's central directory without inflating
 * anything: enough to tell a DOCX from an XLSX, an ODT or an EPUB. An archive whose directory
 * cannot be read is {@link PlanParseError} import.corrupt_document.
 */
export function zipEntryNames(bytes: Uint8Array, max: number): string[] {
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      // Declining every entry is what keeps this to the directory: nothing is inflated.
      filter: (file) => {
        names.push(file.name);
        if (names.length >= max) throw new EnoughNames();
        return false;
      },
    });
  } catch (error) {
    if (!(error instanceof EnoughNames))
      throw new PlanParseError("import.corrupt_document", "The file is not a readable zip archive.");
  }
  return names;
}
