import type { HandLinkedRecommendation } from "./theme.repository.js";
import type { ThemeOverrides } from "./theme.taxonomy.js";

/**
 * A person's classification of one recommendation as a labelled example, in the shape of
 * seeds/themes/labelled.json's entries, so that corrections can be added to the labelled set
 * or used to tune the rules.
 */
export interface LabelledCorrection {
  council: string;
  reference: string;
  /** `overrides` for an entry of overrides.json, `stored` for hand links held in the database only. */
  source: "overrides" | "stored";
  /** Primary first for an override; in taxonomy order for stored hand links. */
  subThemes: string[];
  title: string | null;
  /** Null for an override whose recommendation is not in this database. */
  text: string | null;
  themeLabel: string | null;
  actions: string[];
  /** The override's reason; null for stored links. */
  reason: string | null;
}

/**
 * The hand classifications as labelled examples: every override (the file is where a correction
 * is reviewed, so its sub-themes and order win where the database holds the same recommendation)
 * and every other recommendation with stored hand links. Pure.
 */
export function labelledCorrections(
  stored: readonly HandLinkedRecommendation[],
  overrides: ThemeOverrides,
): LabelledCorrection[] {
  const key = (council: string, reference: string) => `${council}\u0000${reference}`;
  const byKey = new Map(stored.map((s) => [key(s.councilGss, s.reference), s]));
  const fromFile: LabelledCorrection[] = overrides.overrides.map((o) => {
    const held = byKey.get(key(o.council, o.reference));
    return {
      council: o.council,
      reference: o.reference,
      source: "overrides",
      subThemes: o.subThemes.map((s) => s.subThemeCode),
      title: held?.title ?? null,
      text: held?.text ?? null,
      themeLabel: held?.themeLabel ?? null,
      actions: held?.actions ?? [],
      reason: o.reason,
    };
  });
  const overridden = new Set(overrides.overrides.map((o) => key(o.council, o.reference)));
  const onlyStored: LabelledCorrection[] = stored
    .filter((s) => !overridden.has(key(s.councilGss, s.reference)))
    .map((s) => ({
      council: s.councilGss,
      reference: s.reference,
      source: "stored",
      subThemes: s.subThemes,
      title: s.title,
      text: s.text,
      themeLabel: s.themeLabel,
      actions: s.actions,
      reason: null,
    }));
  return [...fromFile, ...onlyStored];
}
