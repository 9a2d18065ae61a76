import { checkText } from "../../shared/errors/input-guards.js";
import { toPageRequest, type Page } from "../../shared/graphql/pagination.js";
import type { CouncilService } from "../council/council.service.js";
import type { RecommendationRow } from "../recommendation/recommendation.table.js";
import { themeNotFound } from "./theme.errors.js";
import { labelledCorrections, type LabelledCorrection } from "./theme.export.js";
import { applyOverrides, classifyRecommendation } from "./theme.classifier.js";
import type { ThemeOverrides, ThemeRules } from "./theme.taxonomy.js";
import type { LinkToStore, ThemeRepository } from "./theme.repository.js";
import type { ThemeRow } from "./theme.table.js";

export class ThemeService {
  constructor(
    private readonly themes: ThemeRepository,
    private readonly councils: CouncilService,
    /** rules.json's reviewBelow. */
    private readonly reviewBelow: number,
  ) {}

  /**
   * Recommendations a person should classify: the classifier abstained on them, or its best link
   * is under `reviewBelow`, and no one has classified them by hand.
   */
  async review(
    councilGss: string | null | undefined,
    first?: number | null,
    after?: string | null,
  ): Promise<Page<RecommendationRow>> {
    const request = toPageRequest(first, after);
    const councilIds =
      councilGss == null ? undefined : (await this.councils.requireByGss([councilGss], "council")).map((c) => c.id);
    const { rows, totalCount } = await this.themes.findReviewPage(
      { below: this.reviewBelow, ...(councilIds ? { councilIds } : {}) },
      request,
    );
    return { items: rows, totalCount, request };
  }

  /** Every hand classification, from the overrides file and the database, as labelled examples. */
  async corrections(overrides: ThemeOverrides): Promise<LabelledCorrection[]> {
    return labelledCorrections(await this.themes.findHandLinked(), overrides);
  }

  /**
   * Classifies every stored recommendation again with `rules` and `overrides` (after either has
   * changed), replacing rule links; a recommendation with a hand link is left as the person set it.
   */
  async reclassify(rules: ThemeRules, overrides: ThemeOverrides): Promise<{ examined: number; changed: number }> {
    const ids = new Map((await this.themes.findAll()).map((t) => [t.code, t.id]));
    const stored = await this.themes.findRuleClassified();
    const links = new Map<number, LinkToStore[]>();
    for (const rec of stored) {
      const ruled = classifyRecommendation(
        { text: rec.text, title: rec.title, themeLabel: rec.themeLabel, actions: rec.actions },
        rules,
      );
      const final = applyOverrides({ councilGss: rec.councilGss, reference: rec.reference }, ruled, overrides);
      links.set(
        rec.recommendationId,
        final.map((l) => {
          const themeId = ids.get(l.subThemeCode);
          // The taxonomy is seeded before any recommendation; a missing code means seeds and rules disagree.
          if (themeId === undefined) throw new Error(`theme ${l.subThemeCode} is not in the database`);
          return { themeId, method: l.source, confidence: l.confidence, matched: l.matched };
        }),
      );
    }
    return { examined: stored.length, changed: await this.themes.replaceRuleLinks(links) };
  }

  async components(): Promise<ThemeRow[]> {
    return (await this.themes.findAll()).filter((t) => t.level === 1);
  }

  async requireByCode(code: string, argument: string): Promise<ThemeRow> {
    const theme = await this.themes.findByCode(checkText(code, argument));
    if (!theme) throw themeNotFound(code, argument);
    return theme;
  }

  /**
   * Theme codes to the ids recommendations are linked to: a component stands for all its
   * sub-themes. Fails on the first unknown code, naming its position in the list.
   */
  async resolveCodes(codes: readonly string[], argument: string): Promise<number[]> {
    const all = await this.themes.findAll();
    const byCode = new Map(all.map((t) => [t.code, t]));
    const ids = new Set<number>();
    codes.forEach((code, i) => {
      const theme = byCode.get(code);
      if (!theme) throw themeNotFound(code, argument.replace(/\[\]$/, `[${i}]`));
      ids.add(theme.id);
      for (const child of all) if (child.parentId === theme.id) ids.add(child.id);
    });
    return [...ids];
  }
}
