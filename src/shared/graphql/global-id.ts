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
