import { eq, sql } from "drizzle-orm";
import type { Database } from "../../shared/database/database.js";
import { peerChallengesTable } from "./peer-challenge.table.js";

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

/**
 * Marks the challenge's plan as changed, inside the writer's transaction, and returns the new
 * version. Every repository that writes a plan (imports, edits, progress updates) calls it.
 */
export async function bumpPlanVersion(tx: Transaction | Database, challengeId: number): Promise<number> {
  const [row] = await tx
    .update(peerChallengesTable)
    .set({ planVersion: sql`${peerChallengesTable.planVersion} + 1` })
    .where(eq(peerChallengesTable.id, challengeId))
    .returning({ planVersion: peerChallengesTable.planVersion });
  if (row === undefined) throw new Error(`peer challenge ${challengeId} does not exist`);
  return row.planVersion;
}
