import { parse } from "csv-parse/sync";

/** Delimiters a council's spreadsheet export may use: Excel writes ";" where "," is the decimal mark. */
export type CsvDelimiter = "," | ";" | "\t";

export interface DelimiterFit {
  delimiter: CsvDelimiter;
  /** The field count most records share (the modal count). */
  fields: number;
  /** Non-blank records read from the sample. */
  records: number;
  /** Share of those records that have exactly `fields` fields. */
  share: number;
}

/** How much of a document the delimiter is judged on: a few hundred lines, never the whole 5 MB. */
const sampleLines = 400;
const sampleChars = 256 * 1024;

function sample(text: string): string {
  if (text.length <= sampleChars) return text;
  const cut = text.lastIndexOf("\n", sampleChars);
  return text.slice(0, cut > 0 ? cut : sampleChars);
}

/**
 * How well `delimiter` splits the start of `text` into records of one width, reading RFC 4180
 * quoting with the same parser the CSV reader uses. A sample cut inside a quoted field, or one
 * with an unclosed quote, is judged on the records before it.
 */
export function delimiterFit(text: string, delimiter: CsvDelimiter): DelimiterFit {
  const counts = new Map<number, number>();
  let records = 0;
  try {
    parse(sample(text), {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      to_line: sampleLines,
      // Counting in on_record keeps what was read before a parse error ends the sample.
      on_record: (record: string[]) => {
        records++;
        counts.set(record.length, (counts.get(record.length) ?? 0) + 1);
        return null;
      },
    });
  } catch {
    // The records counted so far are the evidence; an unclosed quote at the sample's end says nothing.
  }
  let fields = 0;
  let best = 0;
  for (const [width, n] of counts) {
    if (n > best || (n === best && width > fields)) {
      fields = width;
      best = n;
    }
  }
  return { delimiter, fields, records, share: records === 0 ? 0 : best / records };
}

/** Most records of one width of at least two fields: what makes a delimiter the file's own. */
export function isDelimitedFit(fit: DelimiterFit): boolean {
  return fit.fields >= 2 && fit.records >= 2 && fit.share >= 0.8;
}

/**
 * The delimiter among `candidates` that splits the most records into one width of at least two
 * fields; on a tie the one giving more fields, then the earlier candidate. Null when none splits
 * anything. Looser than {@link isDelimitedFit}: a file already known to be CSV may be ragged.
 */
export function detectDelimiter(
  text: string,
  candidates: readonly CsvDelimiter[] = [",", ";", "\t"],
): DelimiterFit | null {
  let best: DelimiterFit | null = null;
  for (const delimiter of candidates) {
    const fit = delimiterFit(text, delimiter);
    if (fit.fields < 2) continue;
    if (best === null || fit.share > best.share || (fit.share === best.share && fit.fields > best.fields)) best = fit;
  }
  return best;
}
