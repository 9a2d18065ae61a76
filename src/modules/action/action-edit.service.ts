import type { VersionedWrite } from "../../shared/database/versioned-write.js";
import { AppError, badInput, sharedErrorCodes } from "../../shared/errors/app-error.js";
import { maxEditedTextChars, optionalText, requiredText } from "../../shared/errors/input-guards.js";
import { writeConflict } from "../../shared/errors/write-conflict.js";
import type { ErrorCode } from "../../shared/errors/error-code.js";
import { isIsoDate } from "../../shared/graphql/local-date.scalar.js";
import { canEditCouncil } from "../identity/authorization.policy.js";
import { authRequired } from "../identity/identity.errors.js";
import type { Identity } from "../identity/identity.js";
import { maxTargetChars, parseTarget } from "../import/normalise/target.normaliser.js";
import { recommendationErrorCodes } from "../recommendation/recommendation.errors.js";
import type {
  ActionEditRepository,
  ActionFields,
  ActionPlace,
  FieldChange,
  NewProgress,
} from "./action-edit.repository.js";
import { actionErrorCodes } from "./action.errors.js";
import type { ActionRow } from "./action.table.js";
import type { ActionStatusValue, RagColourValue } from "./action.values.js";
import type { ProgressUpdateRow } from "./progress-update.table.js";

export interface RecordProgressRequest {
  actionId: number;
  expectedVersion: number;
  status: ActionStatusValue;
  /** Defaults to today. */
  recordedOn?: string | null;
  note?: string | null;
  rag?: RagColourValue | null;
  statusText?: string | null;
}

export interface UpdateActionRequest {
  actionId: number;
  expectedVersion: number;
  /** Absent: unchanged. */
  text?: string | undefined;
  /** Absent: unchanged; null or blank: no lead. */
  lead?: string | null | undefined;
  /** The target as printed, re-read into a deadline; absent: unchanged; null or blank: none (UNKNOWN). */
  target?: string | null | undefined;
}

export interface AddActionRequest {
  recommendationId: number;
  text: string;
  lead?: string | null;
  target?: string | null;
  /** Its first status, recorded today; none leaves it UNKNOWN until a progress update. */
  status?: ActionStatusValue | null;
}

export interface RetireActionRequest {
  actionId: number;
  expectedVersion: number;
  retiredOn: string;
  reason: string;
}

const maxLeadChars = 500;

/** What an editor's update prints as its status, there being no document to quote. */
const statusLabels: Record<ActionStatusValue, string> = {
  COMPLETE: "Complete",
  IN_PROGRESS: "In progress",
  NOT_STARTED: "Not started",
  ONGOING: "Ongoing",
  UNKNOWN: "Unknown",
};

/**
 * Plan edits by editors of the action's council and admins: progress updates, corrections of text,
 * lead and target, new actions and retirements. A correction applies to every day (the plan was
 * wrong, not changed); a retirement applies from its day. Every write states the version it read.
 */
export class ActionEditService {
  constructor(private readonly edits: ActionEditRepository) {}

  async recordProgress(
    by: Identity,
    request: RecordProgressRequest,
    today: string,
  ): Promise<{ action: ActionRow; update: ProgressUpdateRow }> {
    const place = await this.editablePlace(by, request.actionId);
    const recordedOn = request.recordedOn ?? today;
    notAfterToday(recordedOn, today, "input.recordedOn", actionErrorCodes.recordedInFuture, "A progress update");
    const progress: NewProgress = {
      recordedOn,
      status: request.status,
      statusText: optionalText(request.statusText, "input.statusText", maxLeadChars) ?? statusLabels[request.status],
      rag: request.rag ?? null,
      note: optionalText(request.note, "input.note", maxEditedTextChars),
    };
    return settle(await this.edits.recordProgress(place, request.expectedVersion, progress, by), request);
  }

  async update(by: Identity, request: UpdateActionRequest): Promise<ActionRow> {
    const place = await this.editablePlace(by, request.actionId);
    const fields: ActionFields = {};
    if (request.text !== undefined) fields.text = requiredText(request.text, "input.text", maxEditedTextChars);
    if (request.lead !== undefined) fields.lead = optionalText(request.lead, "input.lead", maxLeadChars);
    if (request.target !== undefined) fields.target = readTarget(request.target);
    const changes = correctionChanges(place.action, fields);
    return settle(await this.edits.update(place, request.expectedVersion, fields, changes, by), request);
  }

  async add(by: Identity, request: AddActionRequest, today: string): Promise<ActionRow> {
    requireKey(by);
    const place = await this.edits.findRecommendationPlace(request.recommendationId);
    if (place === null || !canEditCouncil(by, place.councilId))
      throw new AppError(recommendationErrorCodes.notFound, "No recommendation has this id", {
        argument: "input.recommendation",
      });
    const fields = {
      text: requiredText(request.text, "input.text", maxEditedTextChars),
      lead: optionalText(request.lead, "input.lead", maxLeadChars),
      target: readTarget(request.target ?? null),
    };
    const progress: NewProgress | null =
      request.status == null
        ? null
        : {
            recordedOn: today,
            status: request.status,
            statusText: statusLabels[request.status],
            rag: null,
            note: null,
          };
    return this.edits.add(place, fields, progress, by);
  }

  async retire(by: Identity, request: RetireActionRequest, today: string): Promise<ActionRow> {
    const place = await this.editablePlace(by, request.actionId);
    notAfterToday(request.retiredOn, today, "input.retiredOn", actionErrorCodes.retiredInFuture, "A retirement");
    const reason = requiredText(request.reason, "input.reason", maxEditedTextChars);
    if (place.action.retiredOn !== null)
      throw new AppError(
        actionErrorCodes.alreadyRetired,
        `This action was retired on ${place.action.retiredOn}; retiring it again would rewrite its history`,
        { argument: "input.action" },
      );
    return settle(await this.edits.retire(place, request.expectedVersion, request.retiredOn, reason, by), request);
  }

  /** The action, if the identity may change it; anonymous callers are told to authenticate. */
  private async editablePlace(by: Identity, actionId: number): Promise<ActionPlace> {
    requireKey(by);
    const place = await this.edits.findPlace(actionId);
    if (place === null || !canEditCouncil(by, place.councilId)) throw actionNotFound();
    return place;
  }
}

/** The fields that differ from the action as held, each with its value before and after. */
export function correctionChanges(
  before: Pick<ActionRow, "text" | "lead" | "targetRaw">,
  fields: ActionFields,
): FieldChange[] {
  const changes: FieldChange[] = [];
  if (fields.text !== undefined && fields.text !== before.text)
    changes.push({ field: "text", before: before.text, after: fields.text });
  if (fields.lead !== undefined && fields.lead !== before.lead)
    changes.push({ field: "lead", before: before.lead, after: fields.lead });
  if (fields.target !== undefined && fields.target.raw !== before.targetRaw)
    changes.push({ field: "target", before: before.targetRaw, after: fields.target.raw });
  return changes;
}

function requireKey(by: Identity): void {
  if (by.kind !== "key") throw authRequired("Changing a plan");
}

function actionNotFound(): AppError {
  return new AppError(actionErrorCodes.notFound, "No action has this id", { argument: "input.action" });
}

/** A versioned write's outcome as the caller sees it: the value, not found, or write.conflict. */
function settle<T>(result: VersionedWrite<T>, request: { expectedVersion: number }): T {
  if (result.ok) return result.value;
  if (result.why === "missing") throw actionNotFound();
  throw writeConflict("action", request.expectedVersion);
}

function notAfterToday(day: string, today: string, argument: string, code: ErrorCode, what: string): void {
  if (!isIsoDate(day)) throw badInput(argument, `"${day}" is not a date (YYYY-MM-DD)`, sharedErrorCodes.invalidDate);
  if (day > today) throw new AppError(code, `${what} cannot be dated after today (${today}): ${day}`, { argument });
}

/** The project's own target reading, as an import would read the same cell. */
function readTarget(raw: string | null): NonNullable<ActionFields["target"]> {
  const text = optionalText(raw, "input.target", maxTargetChars);
  return parseTarget(text);
}
