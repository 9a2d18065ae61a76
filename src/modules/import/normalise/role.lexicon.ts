/**
 * Council role titles as printed in English councils' action plans, and the splitter that cuts a
 * flattened run of them ("Chief Executive Director of Policy & Transformation", where a PDF or web
 * page lost the column boundary between Accountable and Responsible) back into roles.
 */
import { cleanText } from "./text.normaliser.js";

/**
 * PERSON and TEAM titles end a preceding title's tail ("Director of Policy Chief Executive");
 * FUNCTION names do not, because they are also what a Head or Director is "of"
 * ("Head of Democratic Services").
 */
export type RoleKind = "PERSON" | "TEAM" | "FUNCTION";

export interface RoleLexiconEntry {
  /** As printed; matched word by word, ignoring case. */
  title: string;
  kind: RoleKind;
  /** Followed by what the role is for: capitalised words, "&", "and", "of", parentheticals ("Director of Resources (s151)"). */
  takesTail: boolean;
}

export const roleLexicon: readonly RoleLexiconEntry[] = [
  { title: "Leader of the Council", kind: "PERSON", takesTail: false },
  { title: "Deputy Leader of the Council", kind: "PERSON", takesTail: false },
  { title: "Leader of the Opposition", kind: "PERSON", takesTail: false },
  { title: "Deputy Leader", kind: "PERSON", takesTail: false },
  { title: "Leader", kind: "PERSON", takesTail: false },
  { title: "Group Leaders", kind: "PERSON", takesTail: false },
  { title: "Opposition Group Leaders", kind: "PERSON", takesTail: false },
  { title: "Mayor", kind: "PERSON", takesTail: false },
  { title: "Chief Executive", kind: "PERSON", takesTail: false },
  { title: "Chief Executive Officer", kind: "PERSON", takesTail: false },
  { title: "Deputy Chief Executive", kind: "PERSON", takesTail: false },
  { title: "Assistant Chief Executive", kind: "PERSON", takesTail: false },
  { title: "Managing Director", kind: "PERSON", takesTail: false },
  { title: "Head of Paid Service", kind: "PERSON", takesTail: false },
  { title: "Strategic Director", kind: "PERSON", takesTail: true },
  { title: "Corporate Director", kind: "PERSON", takesTail: true },
  { title: "Executive Director", kind: "PERSON", takesTail: true },
  { title: "Service Director", kind: "PERSON", takesTail: true },
  { title: "Assistant Director", kind: "PERSON", takesTail: true },
  { title: "Director of", kind: "PERSON", takesTail: true },
  { title: "Director", kind: "PERSON", takesTail: true },
  { title: "Head of", kind: "PERSON", takesTail: true },
  { title: "Head of Service", kind: "PERSON", takesTail: true },
  { title: "Chief Officer", kind: "PERSON", takesTail: true },
  { title: "Service Manager", kind: "PERSON", takesTail: true },
  { title: "Section 151 Officer", kind: "PERSON", takesTail: false },
  { title: "S151 Officer", kind: "PERSON", takesTail: false },
  { title: "S.151 Officer", kind: "PERSON", takesTail: false },
  { title: "S151", kind: "PERSON", takesTail: false },
  { title: "Chief Finance Officer", kind: "PERSON", takesTail: false },
  { title: "Monitoring Officer", kind: "PERSON", takesTail: false },
  { title: "Chief Operating Officer", kind: "PERSON", takesTail: false },
  { title: "Statutory Officers", kind: "PERSON", takesTail: false },
  { title: "Cabinet Member for", kind: "PERSON", takesTail: true },
  { title: "Cabinet Member", kind: "PERSON", takesTail: true },
  { title: "Portfolio Holder for", kind: "PERSON", takesTail: true },
  { title: "Portfolio Holder", kind: "PERSON", takesTail: true },
  { title: "Lead Member for", kind: "PERSON", takesTail: true },
  { title: "Lead Member", kind: "PERSON", takesTail: true },
  { title: "Chair of", kind: "PERSON", takesTail: true },
  { title: "Chair", kind: "PERSON", takesTail: true },
  { title: "Vice Chair", kind: "PERSON", takesTail: true },
  { title: "Management Team", kind: "TEAM", takesTail: false },
  { title: "Corporate Management Team", kind: "TEAM", takesTail: false },
  { title: "CMT", kind: "TEAM", takesTail: false },
  { title: "Senior Management Team", kind: "TEAM", takesTail: false },
  { title: "SMT", kind: "TEAM", takesTail: false },
  { title: "Senior Management Board", kind: "TEAM", takesTail: false },
  { title: "SMB", kind: "TEAM", takesTail: false },
  { title: "Leadership Team", kind: "TEAM", takesTail: false },
  { title: "Corporate Leadership Team", kind: "TEAM", takesTail: false },
  { title: "CLT", kind: "TEAM", takesTail: false },
  { title: "Senior Leadership Team", kind: "TEAM", takesTail: false },
  { title: "SLT", kind: "TEAM", takesTail: false },
  { title: "Executive Leadership Team", kind: "TEAM", takesTail: false },
  { title: "Extended Leadership Team", kind: "TEAM", takesTail: false },
  { title: "ELT", kind: "TEAM", takesTail: false },
  { title: "Wider Leadership Team", kind: "TEAM", takesTail: false },
  { title: "WLT", kind: "TEAM", takesTail: false },
  { title: "Cabinet", kind: "TEAM", takesTail: false },
  { title: "Full Council", kind: "TEAM", takesTail: false },
  { title: "Human Resources", kind: "FUNCTION", takesTail: false },
  { title: "HR", kind: "FUNCTION", takesTail: false },
  { title: "Democratic Services", kind: "FUNCTION", takesTail: false },
  { title: "Legal Services", kind: "FUNCTION", takesTail: false },
  { title: "Finance", kind: "FUNCTION", takesTail: false },
  { title: "Communications", kind: "FUNCTION", takesTail: false },
];

/** Words that may precede any title without changing what it is ("Interim Director of Resources"). */
export const roleModifiers: readonly string[] = [
  "Interim",
  "Acting",
  "Deputy",
  "Assistant",
  "Senior",
  "Joint",
  "Temporary",
];

interface Token {
  text: string;
  start: number;
  end: number;
}

interface TitleMatch {
  end: number;
  entry: RoleLexiconEntry;
}

const TOKEN = /\([^()]*\)|[,;]|[^\s,;()]+|[()]/g;
const JOINERS = new Set(["&", "and", "/", "+"]);
const TAIL_CONNECTORS = new Set(["&", "and", "of", "for", "the", "in", "-", "–", "—", "/", ",", ":"]);

const matchKey = (word: string): string => word.toLowerCase().replace(/\.$/, "");
const LEXICON_WORDS = roleLexicon.map((entry) => ({ entry, words: entry.title.split(" ").map(matchKey) }));
const MODIFIER_KEYS = new Set(roleModifiers.map(matchKey));

function tokenise(text: string): Token[] {
  return [...text.matchAll(TOKEN)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}

function longestEntryAt(tokens: readonly Token[], at: number): TitleMatch | null {
  let best: TitleMatch | null = null;
  for (const { entry, words } of LEXICON_WORDS) {
    const fits = words.every((word, offset) => {
      const token = tokens[at + offset];
      return token !== undefined && matchKey(token.text) === word;
    });
    if (fits && (best === null || at + words.length > best.end)) best = { end: at + words.length, entry };
  }
  return best;
}

/**
 * Modifiers a title may carry ("Interim Deputy Director"). Real titles carry one or two; without a
 * bound, a run of modifiers makes every position scan the whole run, which is quadratic.
 */
const maxModifiers = 3;

/** Longer runs are not a flattened pair of role cells but prose; {@link splitRoles} leaves them whole. */
export const maxSplitChars = 300;

/** A title, possibly after up to {@link maxModifiers} modifiers, starting exactly at `at`; the longest reading wins. */
function titleAt(tokens: readonly Token[], at: number): TitleMatch | null {
  let best: TitleMatch | null = null;
  for (let k = at; k < tokens.length && k <= at + maxModifiers; k += 1) {
    const match = longestEntryAt(tokens, k);
    if (match !== null && (best === null || match.end > best.end)) best = match;
    const token = tokens[k];
    if (token === undefined || !MODIFIER_KEYS.has(matchKey(token.text))) break;
  }
  return best;
}

function endsTail(tokens: readonly Token[], at: number): boolean {
  const title = titleAt(tokens, at);
  return title !== null && title.entry.kind !== "FUNCTION";
}

const isParenthetical = (token: Token | undefined): boolean =>
  token !== undefined && token.text.startsWith("(") && token.text.endsWith(")") && token.text.length > 1;
const isTailWord = (token: Token | undefined): boolean =>
  token !== undefined && (/^[\p{Lu}\d]/u.test(token.text) || isParenthetical(token));
const isConnector = (token: Token | undefined): boolean =>
  token !== undefined && TAIL_CONNECTORS.has(token.text.toLowerCase());

/** Index after a tail starting at `at`: it runs until a new PERSON or TEAM title begins. */
function tailEnd(tokens: readonly Token[], at: number): number {
  let q = at;
  let words = 0;
  while (q < tokens.length) {
    const token = tokens[q];
    if (isConnector(token)) {
      let r = q;
      while (isConnector(tokens[r])) r += 1;
      if (!isTailWord(tokens[r]) || endsTail(tokens, r)) break;
      q = r;
      continue;
    }
    if (!isTailWord(token)) break;
    // The first word always belongs to the tail: "Head of Cabinet Office" is one role.
    if (words > 0 && !isParenthetical(token) && endsTail(tokens, q)) break;
    q += 1;
    words += 1;
  }
  return q;
}

function titleWithTailEnd(tokens: readonly Token[], title: TitleMatch): number {
  return title.entry.takesTail ? tailEnd(tokens, title.end) : title.end;
}

/**
 * One role: a title and its tail, plus any further titles joined to it by "&", "and" or "/"
 * ("Strategic Director & Deputy Chief Executive" is one post holding two titles).
 */
function roleEnd(tokens: readonly Token[], title: TitleMatch): number {
  let q = titleWithTailEnd(tokens, title);
  for (;;) {
    while (isParenthetical(tokens[q])) q += 1;
    const joiner = tokens[q];
    const joined = joiner !== undefined && JOINERS.has(joiner.text.toLowerCase()) ? titleAt(tokens, q + 1) : null;
    if (joined === null) return q;
    q = titleWithTailEnd(tokens, joined);
  }
}

/**
 * Splits a run of concatenated roles left to right, greedily, with {@link roleLexicon}. Words no
 * title explains stay with the role before them (or form their own piece at the start). Returns
 * the cleaned text as the only element when nothing splits or it is longer than {@link maxSplitChars},
 * and [] for blank text. Never throws.
 */
export function splitRoles(text: string): string[] {
  const clean = cleanText(typeof text === "string" ? text : "");
  if (clean === "") return [];
  if (clean.length > maxSplitChars) return [clean];
  const tokens = tokenise(clean);
  const spans: { start: number; end: number }[] = [];
  let current: { start: number; end: number } | null = null;
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i];
    if (token === undefined) break;
    if (token.text === "," || token.text === ";") {
      current = null;
      i += 1;
      continue;
    }
    const title = titleAt(tokens, i);
    if (title !== null) {
      const end = Math.max(roleEnd(tokens, title), i + 1);
      const last = tokens[end - 1] ?? token;
      current = { start: token.start, end: last.end };
      spans.push(current);
      i = end;
      continue;
    }
    if (current === null) {
      current = { start: token.start, end: token.end };
      spans.push(current);
    } else {
      current.end = token.end;
    }
    i += 1;
  }
  const roles = spans.map((span) => cleanText(clean.slice(span.start, span.end))).filter((role) => role !== "");
  return roles.length > 1 ? roles : [clean];
}

/**
 * How much of `text` the lexicon reads as one role: "whole" (a title, its tail and any titles joined
 * to it: "Section 151 Officer / Assistant Director – Finance"), "start" (a role, then words it does
 * not explain: "Chief Executive Section 151"), "within" (a title further in), or "none".
 */
export function roleReading(text: string): "whole" | "start" | "within" | "none" {
  const clean = cleanText(typeof text === "string" ? text : "");
  if (clean === "" || clean.length > maxSplitChars) return "none";
  const tokens = tokenise(clean);
  const first = titleAt(tokens, 0);
  if (first !== null) return roleEnd(tokens, first) >= tokens.length ? "whole" : "start";
  return tokens.some((_token, i) => titleAt(tokens, i) !== null) ? "within" : "none";
}
