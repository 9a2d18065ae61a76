/**
 * The values of a cell that packs one value per action (a lead, a date or a status for each of
 * several actions in the cell beside it), from the cell's printed lines when the format could not
 * always tell a wrapped line from a new one (PDF: "Q3" over "2024/25" in a narrow column is one
 * date, "Section 151" over "Officer" one post). Of the ways to read the open line breaks, the one
 * whose lines read best as values of the column's kind wins, with at most one line per action.
 */
import type { PrintedLine } from "../document/document.model.js";
import { roleModifiers, roleReading } from "../normalise/role.lexicon.js";
import { isUnknownStatusText, parseStatus } from "../normalise/status.normaliser.js";
import { isUnparsedTarget, parseTarget } from "../normalise/target.normaliser.js";
import { cleanText } from "../normalise/text.normaliser.js";
import { wordCount } from "./field.evidence.js";

export type PackedKind = "lead" | "target" | "status";

/** Cells with more printed lines than this are left as the format reader read them. */
const maxUnits = 80;

/** A value does not end on a word or sign that needs more, nor start as the rest of one. */
const endsOpen = /(?:[,&/(+\-–—]|\b(?:and|or|of|the|to|for|with|in|on|by|at|from|a|an))$/iu;
const startsAsRest = /^(?:\p{Ll}|[,&/)+\-–—]|(?:and|or|of)\b)/u;
/** A word that comes before a title ("Assistant", "Interim") ends no lead: the title is on the next line. */
const endsOnModifier = new RegExp(`\\b(?:${roleModifiers.join("|")})$`, "iu");
/** A line ending on a month with no year after it: the year is on the next line. */
const monthWaiting =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$/iu;
/** A short word in capitals ("SMB", "HR", "ICT"): a team or post of its own. */
const acronym = /^[\p{Lu}\d&]{2,6}$/u;

function parses(text: string, kind: Exclude<PackedKind, "lead">): boolean {
  if (kind === "target") return !isUnparsedTarget(parseTarget(text));
  const status = parseStatus(text);
  return !isUnknownStatusText(status) && (status.status !== "UNKNOWN" || status.rag !== null);
}

/** How well `units` joined read as one value of the kind: positive reads as one, negative does not. */
function valueScore(units: readonly string[], kind: PackedKind): number {
  const text = cleanText(units.join(" "));
  if (text === "") return 0;
  if (endsOpen.test(text) || startsAsRest.test(text)) return -2;
  if (kind === "lead") {
    if (endsOnModifier.test(text)) return -2;
    const role = roleReading(text);
    if (role === "whole") return 1;
    if (role === "start") return 0.75;
    if (role === "within" || wordCount(text) >= 2) return 0.5;
    return acronym.test(text) ? 0.5 : -0.5;
  }
  if (!parses(text, kind)) return -1;
  if (units.length > 1 && kind === "target") {
    // "Ongoing from June" over "2024": a month left waiting for its year on the next line.
    if (monthWaiting.test(units.at(-2)!) && /^\d{4}\b/.test(units.at(-1)!)) return 1.5;
    // "Q3 2026-27" over "Q1 2023/24": two whole dates, one per action, not one wrapped.
    if (units.every((unit) => parses(unit, kind) && /\d/.test(unit))) return -1;
  }
  // The first words of the next value left on this one's last line: "2024/25" then "Q3".
  const last = units.at(-1)!;
  if (units.length > 1 && !parses(last, kind) && parses(units.slice(0, -1).join(" "), kind)) return 0.25;
  return 1;
}

/**
 * One value per action, in order (null for an action with none; fewer values than actions are the
 * first actions'), or one value for them all when the cell reads best as a single value; null when
 * the printed lines leave nothing open.
 */
export function packedValues(
  lines: readonly PrintedLine[],
  actions: number,
  kind: PackedKind,
): (string | null)[] | null {
  // Printed lines joined where they certainly go on; `open[i]` says whether unit i may join unit i - 1.
  const units: string[] = [];
  const open: boolean[] = [];
  for (const line of lines) {
    const last = units.length - 1;
    if (line.follows === "join" && last >= 0) units[last] += line.text;
    else if (line.follows === "wrap" && last >= 0) units[last] = `${units[last]} ${line.text}`;
    else {
      open.push(line.follows === "open" && last >= 0);
      units.push(line.text);
    }
  }
  if (!open.includes(true) || units.length > maxUnits || actions < 2) return null;
  // best[i][k]: the best score of reading units[0..i) as k values.
  const m = units.length;
  const best: number[][] = Array.from({ length: m + 1 }, () => Array<number>(actions + 1).fill(-Infinity));
  const from: number[][] = Array.from({ length: m + 1 }, () => Array<number>(actions + 1).fill(-1));
  best[0]![0] = 0;
  for (let i = 1; i <= m; i++) {
    // A value is units[j..i): every unit after its first must be free to join the one before.
    for (let j = i - 1; j >= 0; j--) {
      const score = valueScore(units.slice(j, i), kind);
      for (let k = 1; k <= actions; k++) {
        const total = best[j]![k - 1]! + score;
        if (total > best[i]![k]!) {
          best[i]![k] = total;
          from[i]![k] = j;
        }
      }
      if (!open[j]) break;
    }
  }
  let k = 1;
  for (let c = 2; c <= actions; c++) if (best[m]![c]! > best[m]![k]!) k = c;
  const values: string[] = [];
  for (let i = m; k > 0; k--) {
    const j = from[i]![k]!;
    values.unshift(cleanText(units.slice(j, i).join(" ")));
    i = j;
  }
  if (values.length === 1) return Array<string | null>(actions).fill(values[0]! === "" ? null : values[0]!);
  return Array.from({ length: actions }, (_v, i) => values[i] || null);
}
