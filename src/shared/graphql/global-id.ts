import { AppError, sharedErrorCodes } from "../errors/app-error.js";

export const nodeTypes = [
  "Council",
  "PeerGroup",
  "PeerChallenge",
  "Recommendation",
  "Theme",
  "Action",
  "ProgressUpdate",
  "SourceDocument",
  "ApiKey",
  "AuditEvent",
  "PlanDraft",
  "DraftRecommendation",
  "DraftAction",
] as const;
export type NodeType = (typeof nodeTypes)[number];

/** Opaque global ID: base64url of "Type:id", so clients never build keys from database ids. */
export function toGlobalId(type: NodeType, id: number): string {
  return Buffer.from(`${type}:${id}`, "utf8").toString("base64url");
}

export function fromGlobalId(globalId: string, argument = "id"): { type: NodeType; id: number } {
  const decoded = Buffer.from(globalId, "base64url").toString("utf8");
  const match = /^([A-Za-z]+):([1-9]\d{0,9})$/.exec(decoded);
  const type = match?.[1] as NodeType | undefined;
  const id = Number(match?.[2]);
  if (!match || type === undefined || !nodeTypes.includes(type) || !Number.isSafeInteger(id) || id > 2_147_483_647) {
    throw new AppError(sharedErrorCodes.badGlobalId, `"${globalId}" is not a global ID issued by this service`, {
      argument,
    });
  }
  return { type, id };
}

/**
 * The database id inside a global ID of the expected type, or null for another type's ID: a
 * mutation handed a Council's ID for an ApiKey must answer "not found", never act on key #id.
 */
export function idOfType(globalId: string, type: NodeType, argument = "id"): number | null {
  const decoded = fromGlobalId(globalId, argument);
  return decoded.type === type ? decoded.id : null;
}
