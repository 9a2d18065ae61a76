import { badInput } from "../../shared/errors/app-error.js";
import type { ThemeRow } from "./theme.table.js";

/** A person's classification: confidence 1, no rule evidence. */
export interface HandThemeLink {
  themeId: number;
  method: "HAND";
  confidence: 1;
  matched: string[];
}

/**
 * Sub-theme codes as a person gives them (a draft's review, updateRecommendation) read into HAND
 * links, in the order given, each once; an unknown code is refused with the argument it came in.
 */
export function handThemeLinks(
  taxonomy: readonly ThemeRow[],
  codes: readonly string[],
  argument: string,
): HandThemeLink[] {
  const byCode = new Map(taxonomy.filter((t) => t.level === 2).map((t) => [t.code, t.id]));
  return [...new Set(codes)].map((code) => {
    const themeId = byCode.get(code);
    if (themeId === undefined)
      throw badInput(argument, `${code} is not a sub-theme code (such as priorities-outcomes.performance-data)`);
    return { themeId, method: "HAND", confidence: 1, matched: [] };
  });
}
