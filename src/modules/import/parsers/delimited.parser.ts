import type { ParsedPlan, PlanAction, PlanRecommendation } from "../import.plan.js";
import { htmlCellToText } from "../normalise/text.normaliser.js";
import { type ColumnMap, type ColumnRole, columnIndex, looksLikeHeaderRow, mapHeader } from "./columns.js";
import { pickTitle } from "./page-furniture.js";
import { PlanParseError } from "./parse.errors.js";
import { PlanNotes, excerpt, noTarget } from "./plan.notes.js";
import { type LocatedTable, type TableRow, locateTable } from "./table.reader.js";

/** One row's cells by role, cleaned; "" where the row has no such cell. */
type RowValues = Readonly<Record<ColumnRole, string>>;

const rolesWithoutValue: Record<ColumnRole, string> = {
  reference: "",
  recommendation: "",
  title: "",
  action: "",
  lead: "",
  accountable: "",
  responsible: "",
  target: "",
  status: "",
  targetAndStatus: "",
  update: "",
  position: "",
  themeLabel: "",
};

/**
 * The row's cleaned cells (`cleaned[i]` is `htmlCellToText(row.cells[i])`) shaped to the header's
 * width. What spills past the last column is joined back into it, so no printed text is lost; the
 * joined cell is cleaned from the raw cells, since markup may run across them.
 */
function shapeRow(row: TableRow, cleaned: readonly string[], width: number, notes: PlanNotes): readonly string[] {
  let length = cleaned.length;
  while (length > width && cleaned[length - 1] === "") length--;
  if (length === width) return length === cleaned.length ? cleaned : cleaned.slice(0, length);
  notes.warn(
    row.line,
    "import.row_shape",
    `Line ${row.line}: ${length} cell${length === 1 ? "" : "s"} where the header has ${width}; ${length > width ? "extra cells were joined into the last column" : "missing cells were taken as empty"}.`,
  );
  if (length < width) return [...cleaned.slice(0, length), ...Array.from({ length: width - length }, () => "")];
  return [...cleaned.slice(0, width - 1), htmlCellToText(row.cells.slice(width - 1, length).join(" "))];
}

function valuesOf(cells: readonly string[], columns: ColumnMap): RowValues {
  const values: Record<ColumnRole, string> = { ...rolesWithoutValue };
  columns.roles.forEach((role, i) => {
    if (role !== null) values[role] = cells[i] ?? "";
  });
  return values;
}

function sameRoles(a: ColumnMap, b: ColumnMap): boolean {
  // "Timescale" printed where the first header said "Timescale and status" (Chelmsford) is the same column.
  const fold = (role: ColumnRole | null): ColumnRole | null => (role === "targetAndStatus" ? "target" : role);
  return a.roles.length === b.roles.length && a.roles.every((role, i) => fold(role) === fold(b.roles[i] ?? null));
}

interface OpenRecommendation {
  recommendation: PlanRecommendation;
  /** The reference cell as printed, "" when empty: an order number given in its place is no reference to continue. */
  printedReference: string;
  /** The last lead printed in this recommendation's rows: Harlow prints it once per recommendation. */
  lead: string | null;
}

/**
 * Parses any table with a recognisable header row: tab- or comma-separated (RFC 4180 quoting),
 * pipe or Markdown tables and HTML `<table>`s. A row whose reference and recommendation cells are
 * empty (or repeat the current ones) is another action of the current recommendation.
 * `text` must have "\n" line endings (see `parsePlan`).
 */
export function parseDelimitedTable(text: string): ParsedPlan {
  const table = locateTable(text);
  if (table === null)
    throw new PlanParseError(
      "import.unknown_layout",
      "No table header with three or more known column names was found.",
    );
  return parseLocatedTable(table);
}

/** {@link parseDelimitedTable} for a table already located (by `locateTable`, or while detecting the layout). */
export function parseLocatedTable(table: LocatedTable): ParsedPlan {
  const notes = new PlanNotes();
  const title = pickTitle(table.before);
  for (const line of [...table.before, ...table.after]) if (line !== title) notes.unplace(line.line, line.text);
  const printed = new Set<PlanRecommendation>();
  const recommendations = readRecommendations(table, notes, printed);
  return notes.finish({ layout: "DELIMITED_TABLE", title: title?.text ?? null, recommendations }, printed);
}

/** Reads the table's rows into recommendations, adding to `printed` each one whose reference is printed. */
function readRecommendations(
  table: LocatedTable,
  notes: PlanNotes,
  printed: Set<PlanRecommendation>,
): PlanRecommendation[] {
  const recommendations: PlanRecommendation[] = [];
  let columns = table.columns;
  let open: OpenRecommendation | null = null;
  let themeLabel: string | null = null;
  // Lines that split into one cell after the last real row are trailing page text, not broken rows.
  const lastRowAt = table.rows.reduce((last, row, at) => (row.cells.length > 1 ? at : last), -1);

  table.rows.forEach((row, rowAt) => {
    if (row.cells.length === 1) {
      const text = htmlCellToText(row.cells[0] ?? "").replaceAll("\n", " ");
      notes.unplace(row.line, text);
      if (rowAt < lastRowAt)
        notes.warn(
          row.line,
          "import.unplaced_line",
          `Line ${row.line}: text inside the table that is not a row: "${excerpt(text)}".`,
        );
      return;
    }
    // Each cell is cleaned once, here, for the header test and for the row's values alike.
    const cleaned = row.cells.map(htmlCellToText);
    if (looksLikeHeaderRow(cleaned)) {
      const repeated = mapHeader(cleaned);
      const changes = repeated !== null && !sameRoles(repeated, columns);
      if (repeated !== null && changes) columns = repeated;
      notes.warn(
        row.line,
        "import.repeated_header",
        `Line ${row.line}: header row printed again${changes ? " with different columns, which now apply" : "; skipped"}.`,
      );
      return;
    }
    const cells = shapeRow(row, cleaned, columns.roles.length, notes);
    const values = valuesOf(cells, columns);
    if (Object.values(values).every((value) => value === "")) return;

    const has = (role: ColumnRole): boolean => columnIndex(columns, role) !== null;
    const recommendationText = has("recommendation") ? values.recommendation : values.action;
    const startsNew =
      open === null ||
      (values.reference !== "" && values.reference !== open.printedReference) ||
      (values.reference === "" && recommendationText !== "" && recommendationText !== open.recommendation.text);

    if (startsNew) {
      const order = recommendations.length + 1;
      // A grouping label printed once over several rows (a merged cell in the source) applies to all of them.
      if (values.themeLabel !== "") themeLabel = values.themeLabel;
      const recommendation: PlanRecommendation = {
        reference: values.reference !== "" ? values.reference : String(order),
        order,
        kind: "RECOMMENDATION",
        title: values.title !== "" ? values.title : null,
        text: recommendationText,
        position: has("position") ? values.position || null : null,
        accountable: has("accountable") ? values.accountable || null : null,
        responsible: has("responsible") ? values.responsible || null : null,
        themeLabel: has("themeLabel") ? themeLabel : null,
        actions: [],
        line: row.line,
      };
      if (recommendationText === "")
        notes.warn(
          row.line,
          "import.missing_text",
          `Line ${row.line}: recommendation ${excerpt(recommendation.reference)} has no text.`,
        );
      recommendations.push(recommendation);
      // A repeated or clashing reference is made unique once every printed reference is known (PlanNotes.finish).
      if (values.reference !== "") printed.add(recommendation);
      open = { recommendation, printedReference: values.reference, lead: null };
    } else if (open !== null && !has("action") && values.position !== "") {
      // Without an action column a further row can only continue the council's position.
      const position = [open.recommendation.position, values.position].filter((part) => part !== null).join("\n");
      open.recommendation.position = position;
      const only = open.recommendation.actions[0];
      if (only !== undefined) only.text = position;
      return;
    }
    if (open === null) return;
    if (values.lead !== "") open.lead = values.lead;
    const action = readAction(open, values, columns, row.line, notes);
    if (action !== null) open.recommendation.actions.push(action);
  });
  return recommendations;
}

/** Columns that only make sense on an action: a table with any of them has actions even without an action column. */
const progressRoles: readonly ColumnRole[] = [
  "lead",
  "accountable",
  "responsible",
  "target",
  "status",
  "targetAndStatus",
  "update",
];

function readAction(
  open: OpenRecommendation,
  values: RowValues,
  columns: ColumnMap,
  line: number,
  notes: PlanNotes,
): PlanAction | null {
  const has = (role: ColumnRole): boolean => columnIndex(columns, role) !== null;
  const recommendation = open.recommendation;
  const isFirstRow = recommendation.line === line;
  let text: string;
  if (has("action")) text = values.action;
  else if (!isFirstRow) return null;
  else text = has("position") ? values.position : recommendation.text;

  const hasProgress =
    values.target !== "" || values.status !== "" || values.targetAndStatus !== "" || values.update !== "";
  const tracksProgress = progressRoles.some(has);
  if (text === "" && !hasProgress) return null;
  if (!has("action") && !tracksProgress) return null;
  if (text === "")
    notes.warn(
      line,
      "import.missing_text",
      `Line ${line}: an action of recommendation ${excerpt(recommendation.reference)} has a target or status but no text.`,
    );

  const combined = has("targetAndStatus") ? notes.targetAndStatus(values.targetAndStatus, line) : null;
  const target = combined?.target ?? (has("target") ? notes.target(values.target, line) : noTarget());
  const status = combined?.status ?? (has("status") ? notes.status(values.status, line) : null);
  return {
    order: recommendation.actions.length + 1,
    text,
    lead: has("lead") ? open.lead : (recommendation.responsible ?? recommendation.accountable),
    target,
    status,
    update: has("update") ? values.update || null : null,
    line,
  };
}
