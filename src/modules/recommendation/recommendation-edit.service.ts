import type { VersionedWrite } from "../../shared/database/versioned-write.js";
import { AppError } from "../../shared/errors/app-error.js";
import { optionalText, requiredText } from "../../shared/errors/input-guards.js";
import { writeConflict } from "../../shared/errors/write-conflict.js";
import { canEditCouncil } from "../identity/authorization.policy.js";
import { authRequired } from "../identity/identity.errors.js";
import type { Identity } from "../identity/identity.js";
import { handThemeLinks } from "../theme/theme.hand-links.js";
import type { ThemeRepository } from "../theme/theme.repository.js";
import type { ThemeRow } from "../theme/theme.table.js";
import type {
  RecommendationChange,
  RecommendationEditRepository,
  RecommendationFields,
} from "./recommendation-edit.repository.js";
import { recommendationErrorCodes } from "./recommendation.errors.js";
import type { RecommendationRow, RecommendationThemeRow } from "./recommendation.table.js";

export interface UpdateRecommendationRequest {
  recommendationId: number;
  expectedVersion: number;
  /** Absent: unchanged; null or blank: none. */
  title?: string | null | undefined;
  /** Absent: unchanged; never empty. */
  text?: string | undefined;
  position?: string | null | undefined;
  accountable?: string | null | undefined;
  responsible?: string | null | undefined;
  /** Sub-theme codes that replace every link with a person's (HAND); empty: unclassified. */
  themes?: readonly string[] | undefined;
}

const maxRoleChars = 500;

/**
 * Corrections of a recommendation by editors of its council and admins: its printed fields and its
 * theme links. A correction applies to every day (the plan was wrong, not changed); the old values
 * stay in its revisions, and a person's theme links are never replaced by the rules.
 */
export class RecommendationEditService {
  constructor(
    private readonly edits: RecommendationEditRepository,
    private readonly themes: Pick<ThemeRepository, "findAll">,
  ) {}

  async update(by: Identity, request: UpdateRecommendationRequest): Promise<RecommendationRow> {
    if (by.kind !== "key") throw authRequired("Changing a plan");
    const place = await this.edits.findPlace(request.recommendationId);
    if (place === null || !canEditCouncil(by, place.councilId)) throw recommendationNotFound();
    const taxonomy = await this.themes.findAll();
    const fields: RecommendationFields = {};
    if (request.title !== undefined) fields.title = optionalText(request.title, "input.title", maxRoleChars);
    if (request.text !== undefined) fields.text = requiredText(request.text, "input.text");
    if (request.position !== undefined) fields.councilPosition = optionalText(request.position, "input.position");
    if (request.accountable !== undefined)
      fields.accountable = optionalText(request.accountable, "input.accountable", maxRoleChars);
    if (request.responsible !== undefined)
      fields.responsible = optionalText(request.responsible, "input.responsible", maxRoleChars);
    if (request.themes !== undefined) fields.themes = handThemeLinks(taxonomy, request.themes, "input.themes");
    const links = await this.edits.findLinks(place.recommendation.id);
    const changes = recommendationChanges(place.recommendation, links, fields, taxonomy);
    // Links a person already set, set again: nothing to rewrite, and who set them stays as it was.
    if (!changes.some((c) => c.field === "themes")) delete fields.themes;
    return settle(await this.edits.update(place, request.expectedVersion, fields, changes, by), request);
  }
}

function recommendationNotFound(): AppError {
  return new AppError(recommendationErrorCodes.notFound, "No recommendation has this id", {
    argument: "input.recommendation",
  });
}

/** A versioned write's outcome as the caller sees it: the value, not found, or write.conflict. */
function settle<T>(result: VersionedWrite<T>, request: { expectedVersion: number }): T {
  if (result.ok) return result.value;
  if (result.why === "missing") throw recommendationNotFound();
  throw writeConflict("recommendation", request.expectedVersion);
}

/**
 * The fields that differ from the recommendation as held, each with its value before and after;
 * theme links are compared as the sub-theme codes they name, and differ also when the held ones
 * were the rules' (a person confirming the rules' choice makes it theirs).
 */
export function recommendationChanges(
  held: RecommendationRow,
  heldLinks: readonly RecommendationThemeRow[],
  fields: RecommendationFields,
  taxonomy: readonly ThemeRow[],
): RecommendationChange[] {
  const changes: RecommendationChange[] = [];
  const columns = ["title", "text", "councilPosition", "accountable", "responsible"] as const;
  for (const column of columns) {
    const after = fields[column];
    if (after !== undefined && after !== held[column])
      changes.push({ field: column === "councilPosition" ? "position" : column, before: held[column], after });
  }
  if (fields.themes !== undefined) {
    const codes = new Map(taxonomy.map((t) => [t.id, t.code]));
    const before = heldLinks.map((l) => codes.get(l.themeId) ?? "");
    const after = fields.themes.map((l) => codes.get(l.themeId) ?? "");
    const sameSet = [...before].sort().join() === [...after].sort().join();
    if (!sameSet || heldLinks.some((l) => l.method !== "HAND"))
      changes.push({
        field: "themes",
        before: before.length === 0 ? null : before.join(", "),
        after: after.length === 0 ? null : after.join(", "),
      });
  }
  return changes;
}
