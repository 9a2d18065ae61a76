import { eq } from "drizzle-orm";
import { peerChallengesTable } from "../../../src/modules/peer-challenge/peer-challenge.table.js";
import { recommendationsTable } from "../../../src/modules/recommendation/recommendation.table.js";
import { toGlobalId } from "../../../src/shared/graphql/global-id.js";
import { row, type MatrixRow, type MatrixWorld } from "../../support/authorization-matrix.js";

/**
 * A recommendation of the matrix's council at the version it holds now, and a text no other cell
 * writes: the cell's effect is that text being there.
 */
async function recommendationToCorrect(world: MatrixWorld) {
  const [rec] = await world.t.database.db
    .select({ id: recommendationsTable.id, version: recommendationsTable.version })
    .from(recommendationsTable)
    .innerJoin(peerChallengesTable, eq(peerChallengesTable.id, recommendationsTable.peerChallengeId))
    .where(eq(peerChallengesTable.councilId, world.council.id))
    .orderBy(recommendationsTable.id)
    .limit(1);
  if (rec === undefined) throw new Error("the matrix's council has no recommendation");
  return { ...rec, text: world.unique("corrected by the matrix") };
}

export const recommendationRows: MatrixRow[] = [
  row({
    name: "updateRecommendation",
    document: `mutation($input: UpdateRecommendationInput!) { updateRecommendation(input: $input) { id } }`,
    arrange: recommendationToCorrect,
    variables: (_world, rec) => ({
      input: { recommendation: toGlobalId("Recommendation", rec.id), expectedVersion: rec.version, text: rec.text },
    }),
    absent: () => ({
      input: { recommendation: toGlobalId("Recommendation", 2_147_483_647), expectedVersion: 1, text: "nothing" },
    }),
    allowed: ["editorOfThisCouncil", "adminKey", "adminToken"],
    refused: { anonymous: "auth.required", otherwise: "recommendation.not_found" },
    observe: async ({ world, fixture }) =>
      (
        await world.t.database.db
          .select({ text: recommendationsTable.text })
          .from(recommendationsTable)
          .where(eq(recommendationsTable.id, fixture.id))
      )[0]?.text === fixture.text,
  }),
];
