import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gssCodePattern } from "../council/council.gss-code.js";
import { stemsOf } from "./theme.stems.js";

/**
 * The theme taxonomy, the classifier's rule set and the hand overrides, each kept as JSON under
 * `seeds/themes/` so that reviewers can change them without touching code. Every loader here
 * validates the whole file and reports every problem at once, naming the file, because a silently
 * ignored rule or override would skew every benchmark grouped by theme.
 */

export const taxonomyFileName = "taxonomy.json";
export const rulesFileName = "rules.json";
export const overridesFileName = "overrides.json";
export const vocabularyFileName = "vocabulary.json";

export interface SubTheme {
  /** Stable identifier stored in the database: `<componentCode>.<slug>`. */
  code: string;
  name: string;
  description: string;
}

export interface ThemeComponent {
  /** Stable identifier, e.g. "governance-culture". */
  code: string;
  /** The LGA's own numbering of the five core components, 1..5. */
  number: number;
  /** The current (2022 onwards) LGA name. */
  name: string;
  /** Pre-2022 names that map to this component, lower-cased. */
  legacyNames: string[];
  description: string;
  subThemes: SubTheme[];
}

export interface ThemeTaxonomy {
  components: ThemeComponent[];
}

export interface ThemePattern {
  /** Regular-expression source, matched case-insensitively as a whole word or phrase. */
  pattern: string;
  weight: number;
}

export interface SubThemeRules {
  subThemeCode: string;
  componentCode: string;
  patterns: ThemePattern[];
}

export interface ThemeFieldWeights {
  title: number;
  themeLabel: number;
  text: number;
  actions: number;
}

export interface VocabularyTerm {
  /** The term as written in vocabulary.json. */
  term: string;
  /** Its Porter stems, word by word. */
  stems: string[];
  weight: number;
}

export interface ThemeRules {
  fieldWeights: ThemeFieldWeights;
  minScore: number;
  relativeFloor: number;
  maxLinks: number;
  confidenceScale: number;
  /** Below this confidence of its best link a recommendation gets no link at all (it abstains). */
  abstainBelow: number;
  /** themeReview lists recommendations whose best rule link is under this confidence. */
  reviewBelow: number;
  /** In taxonomy order, which is also the classifier's tie-break order. */
  subThemes: SubThemeRules[];
  /** vocabulary.json, by sub-theme code; every sub-theme has an entry, possibly empty. */
  vocabulary: Map<string, VocabularyTerm[]>;
}

export interface ThemeOverride {
  /** GSS code of the council. */
  council: string;
  /** The recommendation's reference as printed. */
  reference: string;
  /** Primary first. */
  subThemes: { subThemeCode: string; componentCode: string }[];
  reason: string;
}

export interface ThemeOverrides {
  overrides: ThemeOverride[];
}

type JsonObject = Record<string, unknown>;

const componentCodePattern = /^[a-z]+(?:-[a-z]+)*$/;

class Problems {
  readonly list: string[] = [];
  constructor(private readonly file: string) {}

  add(where: string, problem: string): void {
    this.list.push(`${where}: ${problem}`);
  }

  throwIfAny(): void {
    if (this.list.length > 0) {
      throw new Error(`${this.file} is invalid:\n  - ${this.list.join("\n  - ")}`);
    }
  }

  fail(where: string, problem: string): never {
    this.add(where, problem);
    this.throwIfAny();
    throw new Error(`${this.file} is invalid`);
  }
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function readJson(dir: string, fileName: string): unknown {
  const file = join(dir, fileName);
  let raw: string;
  try {
    raw = readFileSync(file, "utf8");
  } catch (cause) {
    throw new Error(`${file} could not be read`, { cause });
  }
  try {
    return JSON.parse(raw) as unknown;
  } catch (cause) {
    throw new Error(`${file} is not valid JSON: ${(cause as Error).message}`, { cause });
  }
}

function nonEmptyString(value: unknown, where: string, problems: Problems): string {
  if (typeof value !== "string" || value.trim() === "") {
    problems.add(where, "must be a non-empty string");
    return "";
  }
  return value;
}

function numberIn(
  value: unknown,
  where: string,
  problems: Problems,
  min: number,
  max: number,
  minExclusive = false,
): number {
  const ok =
    typeof value === "number" && Number.isFinite(value) && (minExclusive ? value > min : value >= min) && value <= max;
  if (!ok) {
    problems.add(where, `must be a number in ${minExclusive ? "(" : "["}${min}, ${max}]`);
    return Number.NaN;
  }
  return value;
}

function arrayAt(value: unknown, where: string, problems: Problems): unknown[] {
  if (!Array.isArray(value)) {
    problems.add(where, "must be an array");
    return [];
  }
  return value;
}

/** Reads and validates `taxonomy.json` in `dir`. */
export function loadTaxonomy(dir: string): ThemeTaxonomy {
  const file = join(dir, taxonomyFileName);
  const json = readJson(dir, taxonomyFileName);
  const problems = new Problems(file);
  if (!isObject(json)) return problems.fail("(root)", "must be an object with a components array");
  const components: ThemeComponent[] = [];
  const seenCodes = new Set<string>();
  arrayAt(json["components"], "components", problems).forEach((entry, index) => {
    const at = `components[${index}]`;
    if (!isObject(entry)) {
      problems.add(at, "must be an object");
      return;
    }
    const code = nonEmptyString(entry["code"], `${at}.code`, problems);
    if (code !== "" && !componentCodePattern.test(code))
      problems.add(`${at}.code`, `"${code}" must be lower-case words joined by hyphens`);
    if (seenCodes.has(code)) problems.add(`${at}.code`, `duplicate code "${code}"`);
    seenCodes.add(code);
    const number = numberIn(entry["number"], `${at}.number`, problems, 1, 5);
    if (!Number.isInteger(number)) problems.add(`${at}.number`, "must be an integer");
    const legacyNames = arrayAt(entry["legacyNames"], `${at}.legacyNames`, problems).map((name, i) =>
      nonEmptyString(name, `${at}.legacyNames[${i}]`, problems),
    );
    const subThemes: SubTheme[] = arrayAt(entry["subThemes"], `${at}.subThemes`, problems).map((sub, i) => {
      const subAt = `${at}.subThemes[${i}]`;
      if (!isObject(sub)) {
        problems.add(subAt, "must be an object");
        return { code: "", name: "", description: "" };
      }
      const subCode = nonEmptyString(sub["code"], `${subAt}.code`, problems);
      // The prefix makes a sub-theme's component evident wherever its code is stored or printed.
      if (subCode !== "" && !subCode.startsWith(`${code}.`))
        problems.add(`${subAt}.code`, `"${subCode}" must start with "${code}."`);
      if (seenCodes.has(subCode)) problems.add(`${subAt}.code`, `duplicate code "${subCode}"`);
      seenCodes.add(subCode);
      return {
        code: subCode,
        name: nonEmptyString(sub["name"], `${subAt}.name`, problems),
        description: nonEmptyString(sub["description"], `${subAt}.description`, problems),
      };
    });
    if (subThemes.length === 0) problems.add(`${at}.subThemes`, "must list at least one sub-theme");
    components.push({
      code,
      number,
      name: nonEmptyString(entry["name"], `${at}.name`, problems),
      legacyNames,
      description: nonEmptyString(entry["description"], `${at}.description`, problems),
      subThemes,
    });
  });
  const numbers = components.map((c) => c.number).sort((a, b) => a - b);
  if (numbers.join(",") !== "1,2,3,4,5")
    problems.add("components", `must be the five LGA components numbered 1..5, found [${numbers.join(", ")}]`);
  problems.throwIfAny();
  return { components };
}

/** Sub-theme code → its component's code, in taxonomy order. */
export function subThemeIndex(taxonomy: ThemeTaxonomy): Map<string, string> {
  const index = new Map<string, string>();
  for (const component of taxonomy.components) {
    for (const sub of component.subThemes) index.set(sub.code, component.code);
  }
  return index;
}

/**
 * Reads and validates `rules.json` against `taxonomy.json`, both in `dir`. Every sub-theme of the
 * taxonomy must have at least one pattern, so that no sub-theme is unreachable by the rules.
 */
export function loadRules(dir: string): ThemeRules {
  const index = subThemeIndex(loadTaxonomy(dir));
  const file = join(dir, rulesFileName);
  const json = readJson(dir, rulesFileName);
  const problems = new Problems(file);
  if (!isObject(json)) return problems.fail("(root)", "must be an object");

  const weights = isObject(json["fieldWeights"]) ? json["fieldWeights"] : {};
  if (!isObject(json["fieldWeights"])) problems.add("fieldWeights", "must be an object");
  const fieldWeights: ThemeFieldWeights = {
    title: numberIn(weights["title"], "fieldWeights.title", problems, 0, 10),
    themeLabel: numberIn(weights["themeLabel"], "fieldWeights.themeLabel", problems, 0, 10),
    text: numberIn(weights["text"], "fieldWeights.text", problems, 0, 10, true),
    actions: numberIn(weights["actions"], "fieldWeights.actions", problems, 0, 10),
  };
  const minScore = numberIn(json["minScore"], "minScore", problems, 0, 100, true);
  const relativeFloor = numberIn(json["relativeFloor"], "relativeFloor", problems, 0, 1);
  const maxLinks = numberIn(json["maxLinks"], "maxLinks", problems, 1, 20);
  if (!Number.isInteger(maxLinks)) problems.add("maxLinks", "must be an integer");
  const confidenceScale = numberIn(json["confidenceScale"], "confidenceScale", problems, 0, 100, true);
  const abstainBelow = numberIn(json["abstainBelow"], "abstainBelow", problems, 0, 1, true);
  const reviewBelow = numberIn(json["reviewBelow"], "reviewBelow", problems, 0, 1);
  if (reviewBelow < abstainBelow) problems.add("reviewBelow", "must be at least abstainBelow");

  const bySubTheme = new Map<string, ThemePattern[]>();
  if (!isObject(json["subThemes"])) problems.add("subThemes", "must be an object keyed by sub-theme code");
  const subThemesJson = isObject(json["subThemes"]) ? json["subThemes"] : {};
  for (const [code, list] of Object.entries(subThemesJson)) {
    const at = `subThemes["${code}"]`;
    if (!index.has(code)) problems.add(at, `unknown sub-theme code "${code}" (not in ${taxonomyFileName})`);
    const seen = new Set<string>();
    const patterns: ThemePattern[] = [];
    arrayAt(list, at, problems).forEach((entry, i) => {
      const entryAt = `${at}[${i}]`;
      if (!isObject(entry)) {
        problems.add(entryAt, "must be an object with pattern and weight");
        return;
      }
      const pattern = nonEmptyString(entry["pattern"], `${entryAt}.pattern`, problems);
      const weight = numberIn(entry["weight"], `${entryAt}.weight`, problems, 0, 10, true);
      if (pattern !== "") {
        const syntaxError = regExpSyntaxError(pattern);
        if (syntaxError !== null) {
          problems.add(`${entryAt}.pattern`, `"${pattern}" is not a valid regular expression: ${syntaxError}`);
        } else if (new RegExp(`^(?:${pattern})$`, "iu").test("")) {
          // An empty match would fire on every text and quietly shift every score.
          problems.add(`${entryAt}.pattern`, `"${pattern}" matches the empty string`);
        }
      }
      if (seen.has(pattern)) problems.add(`${entryAt}.pattern`, `duplicate pattern "${pattern}"`);
      seen.add(pattern);
      patterns.push({ pattern, weight });
    });
    bySubTheme.set(code, patterns);
  }

  const subThemes: SubThemeRules[] = [];
  for (const [subThemeCode, componentCode] of index) {
    const patterns = bySubTheme.get(subThemeCode);
    if (patterns === undefined || patterns.length === 0) {
      problems.add("subThemes", `sub-theme "${subThemeCode}" has no patterns, so the rules can never assign it`);
      continue;
    }
    subThemes.push({ subThemeCode, componentCode, patterns });
  }
  problems.throwIfAny();
  return {
    fieldWeights,
    minScore,
    relativeFloor,
    maxLinks,
    confidenceScale,
    abstainBelow,
    reviewBelow,
    subThemes,
    vocabulary: loadVocabulary(dir, index),
  };
}

/**
 * Reads and validates `vocabulary.json` against the taxonomy's sub-theme codes. Terms are
 * stemmed here, once, so that classifying stays a lookup.
 */
function loadVocabulary(dir: string, index: Map<string, string>): Map<string, VocabularyTerm[]> {
  const file = join(dir, vocabularyFileName);
  const json = readJson(dir, vocabularyFileName);
  const problems = new Problems(file);
  if (!isObject(json) || !isObject(json["subThemes"]))
    return problems.fail("subThemes", "must be an object keyed by sub-theme code");
  const vocabulary = new Map<string, VocabularyTerm[]>([...index.keys()].map((code) => [code, []]));
  for (const [code, list] of Object.entries(json["subThemes"])) {
    const at = `subThemes["${code}"]`;
    const terms = vocabulary.get(code);
    if (terms === undefined) {
      problems.add(at, `unknown sub-theme code "${code}" (not in ${taxonomyFileName})`);
      continue;
    }
    const seen = new Set<string>();
    arrayAt(list, at, problems).forEach((entry, i) => {
      const entryAt = `${at}[${i}]`;
      if (!isObject(entry)) {
        problems.add(entryAt, "must be an object with term and weight");
        return;
      }
      const term = nonEmptyString(entry["term"], `${entryAt}.term`, problems);
      const weight = numberIn(entry["weight"], `${entryAt}.weight`, problems, 0, 10, true);
      const stems = stemsOf(term);
      if (term !== "" && stems.length === 0) problems.add(`${entryAt}.term`, `"${term}" has no words`);
      const key = stems.join(" ");
      if (seen.has(key)) problems.add(`${entryAt}.term`, `"${term}" repeats another term of ${code} once stemmed`);
      seen.add(key);
      terms.push({ term, stems, weight });
    });
  }
  problems.throwIfAny();
  return vocabulary;
}

function regExpSyntaxError(source: string): string | null {
  try {
    new RegExp(source, "iu");
    return null;
  } catch (cause) {
    return (cause as Error).message;
  }
}

/** Reads and validates `overrides.json` against `taxonomy.json`, both in `dir`. */
export function loadOverrides(dir: string): ThemeOverrides {
  const index = subThemeIndex(loadTaxonomy(dir));
  const file = join(dir, overridesFileName);
  const json = readJson(dir, overridesFileName);
  const problems = new Problems(file);
  if (!isObject(json)) return problems.fail("(root)", "must be an object with an overrides array");
  const seenKeys = new Set<string>();
  const overrides: ThemeOverride[] = arrayAt(json["overrides"], "overrides", problems).map((entry, i) => {
    const at = `overrides[${i}]`;
    if (!isObject(entry)) {
      problems.add(at, "must be an object");
      return { council: "", reference: "", subThemes: [], reason: "" };
    }
    const council = nonEmptyString(entry["council"], `${at}.council`, problems);
    if (council !== "" && !gssCodePattern.test(council))
      problems.add(`${at}.council`, `"${council}" is not a GSS code (e.g. E07000073)`);
    const reference = nonEmptyString(entry["reference"], `${at}.reference`, problems);
    const key = `${council}\u0000${reference}`;
    if (seenKeys.has(key)) problems.add(at, `a second override for council ${council}, reference "${reference}"`);
    seenKeys.add(key);
    const codes = arrayAt(entry["subThemes"], `${at}.subThemes`, problems);
    if (codes.length === 0) problems.add(`${at}.subThemes`, "must name at least one sub-theme");
    const subThemes = codes.map((code, j) => {
      const subThemeCode = nonEmptyString(code, `${at}.subThemes[${j}]`, problems);
      const componentCode = index.get(subThemeCode);
      if (subThemeCode !== "" && componentCode === undefined)
        problems.add(`${at}.subThemes[${j}]`, `unknown sub-theme code "${subThemeCode}"`);
      return { subThemeCode, componentCode: componentCode ?? "" };
    });
    if (new Set(subThemes.map((s) => s.subThemeCode)).size !== subThemes.length)
      problems.add(`${at}.subThemes`, "names a sub-theme twice");
    // An override without a reason cannot be reviewed when the rules or taxonomy change.
    const reason = nonEmptyString(entry["reason"], `${at}.reason`, problems);
    return { council, reference, subThemes, reason };
  });
  problems.throwIfAny();
  return { overrides };
}
