import { once } from "node:events";
import type { ServerResponse } from "node:http";
import type { AppContext } from "../../context.js";
import { toGlobalId } from "../../shared/graphql/global-id.js";
import { loadAll } from "../../shared/graphql/loader-helpers.js";
import { financialQuarter, financialYear } from "./benchmark.calendar.js";
import { measureDefinitions } from "./benchmark.measures.js";
import type { BenchmarkDimensionValue, BenchmarkRowValues } from "./benchmark.model.js";
import type { BenchmarkResultValues } from "./benchmark.service.js";

/* A benchmark's rows as CSV: the columns, the RFC 4180 fields, and writing them with backpressure. */

export interface CsvColumn {
  name: string;
  value(row: BenchmarkRowValues): string;
}

/**
 * RFC 4180: a field holding a comma, quote or line break is quoted, quotes doubled. Text that
 * starts like a formula (= + - @) gets a leading apostrophe so a spreadsheet shows it instead of
 * evaluating it; numbers and dates are never text here.
 */
export function csvField(value: string | number | boolean | null, isText = false): string {
  if (value === null) return "";
  let text = String(value);
  if (isText && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Dimension columns (keys first, then names), `as_of`, then every measure, named in snake_case. */
export async function csvColumns(result: BenchmarkResultValues, ctx: AppContext): Promise<CsvColumn[]> {
  const { rows, groupBy, asOf } = result;
  const ids = (pick: (r: BenchmarkRowValues) => number | null) => [
    ...new Set(rows.map(pick).filter((id): id is number => id !== null)),
  ];
  // Loaded together, so each kind of object costs one batched statement whatever the row count.
  const [councils, themes, challenges] = await Promise.all([
    loadAll(
      ctx.loaders.council.byId,
      ids((r) => r.councilId),
    ),
    loadAll(ctx.loaders.theme.byId, [...ids((r) => r.themeId), ...ids((r) => r.lgaComponentId)]),
    loadAll(
      ctx.loaders.peerChallenge.byId,
      ids((r) => r.peerChallengeId),
    ),
  ]);
  const byId = <T extends { id: number }>(list: (T | null)[]) =>
    new Map(list.filter((x): x is T => x !== null).map((x) => [x.id, x]));
  const councilById = byId(councils);
  const themeById = byId(themes);
  const challengeById = byId(challenges);
  const challengeCouncils = await loadAll(ctx.loaders.council.byId, [
    ...new Set([...challengeById.values()].map((c) => c.councilId)),
  ]);
  for (const c of byId(challengeCouncils).values()) councilById.set(c.id, c);

  const text = (v: string | null | undefined) => csvField(v ?? null, true);
  const plain = (v: string | number | null | undefined) => csvField(v ?? null);
  const columnsOf: Record<BenchmarkDimensionValue, CsvColumn[]> = {
    COUNCIL: [
      { name: "council_gss", value: (r) => plain(r.councilId === null ? null : councilById.get(r.councilId)?.gssCode) },
      { name: "council_name", value: (r) => text(r.councilId === null ? null : councilById.get(r.councilId)?.name) },
    ],
    LGA_COMPONENT: [
      {
        name: "lga_component_number",
        value: (r) => plain(r.lgaComponentId === null ? null : themeById.get(r.lgaComponentId)?.position),
      },
      {
        name: "lga_component_code",
        value: (r) => text(r.lgaComponentId === null ? null : themeById.get(r.lgaComponentId)?.code),
      },
      {
        name: "lga_component_name",
        value: (r) => text(r.lgaComponentId === null ? null : themeById.get(r.lgaComponentId)?.name),
      },
    ],
    THEME: [
      { name: "theme_code", value: (r) => text(r.themeId === null ? null : themeById.get(r.themeId)?.code) },
      { name: "theme_name", value: (r) => text(r.themeId === null ? null : themeById.get(r.themeId)?.name) },
    ],
    STATUS: [{ name: "status", value: (r) => text(r.status) }],
    COUNCIL_TYPE: [
      { name: "council_type_code", value: (r) => text(r.councilTypeCode) },
      { name: "council_type_name", value: (r) => text(r.councilTypeName) },
    ],
    REGION: [{ name: "region", value: (r) => text(r.region) }],
    PEER_CHALLENGE: [
      {
        name: "peer_challenge_id",
        value: (r) => plain(r.peerChallengeId === null ? null : toGlobalId("PeerChallenge", r.peerChallengeId)),
      },
      {
        name: "peer_challenge_council_gss",
        value: (r) => {
          const challenge = r.peerChallengeId === null ? undefined : challengeById.get(r.peerChallengeId);
          return plain(challenge ? councilById.get(challenge.councilId)?.gssCode : null);
        },
      },
      {
        name: "peer_challenge_title",
        value: (r) => text(r.peerChallengeId === null ? null : challengeById.get(r.peerChallengeId)?.title),
      },
      {
        name: "peer_challenge_held_on",
        value: (r) => plain(r.peerChallengeId === null ? null : challengeById.get(r.peerChallengeId)?.heldOn),
      },
    ],
    DEADLINE_QUARTER: [
      {
        name: "deadline_quarter",
        value: (r) => text(r.deadlineQuarterStart === null ? null : financialQuarter(r.deadlineQuarterStart).label),
      },
      { name: "deadline_quarter_start", value: (r) => plain(r.deadlineQuarterStart) },
      {
        name: "deadline_quarter_end",
        value: (r) => plain(r.deadlineQuarterStart === null ? null : financialQuarter(r.deadlineQuarterStart).endsOn),
      },
    ],
    DEADLINE_YEAR: [
      {
        name: "deadline_year",
        value: (r) => text(r.deadlineYearStart === null ? null : financialYear(r.deadlineYearStart).label),
      },
      { name: "deadline_year_start", value: (r) => plain(r.deadlineYearStart) },
      {
        name: "deadline_year_end",
        value: (r) => plain(r.deadlineYearStart === null ? null : financialYear(r.deadlineYearStart).endsOn),
      },
    ],
  };
  return [
    ...groupBy.flatMap((d) => columnsOf[d]),
    { name: "as_of", value: () => asOf },
    ...measureDefinitions.map((d): CsvColumn => ({ name: d.csvColumn, value: (r) => plain(r.measures[d.field]) })),
  ];
}

const chunkSize = 200;

/**
 * Writes the header and the rows, CRLF per RFC 4180, waiting for the socket to drain between
 * chunks. With `bom`, the file starts with a byte-order mark, which tells Excel it is UTF-8
 * (council names, en dashes) but ends up in the first header name for Python's csv and pandas.
 */
export async function writeCsv(
  res: ServerResponse,
  columns: CsvColumn[],
  rows: BenchmarkRowValues[],
  { bom }: { bom: boolean },
): Promise<void> {
  await write(res, `${bom ? "\uFEFF" : ""}${columns.map((c) => csvField(c.name, true)).join(",")}\r\n`);
  for (let i = 0; i < rows.length; i += chunkSize) {
    const lines = rows.slice(i, i + chunkSize).map((row) => `${columns.map((c) => c.value(row)).join(",")}\r\n`);
    await write(res, lines.join(""));
  }
  res.end();
}

async function write(res: ServerResponse, chunk: string): Promise<void> {
  if (!res.write(chunk)) await once(res, "drain");
}
