import { toGlobalId } from "../../../src/shared/graphql/global-id.js";
import { row, type MatrixRow } from "../../support/authorization-matrix.js";
import { editors, makeDraft, type DraftFixture } from "../draft/draft.authorization-rows.js";

export const auditRows: MatrixRow[] = [
  row<DraftFixture>({
    name: "auditEvents(filter:)",
    document: `query($filter: AuditEventFilter) { auditEvents(filter: $filter, first: 5) { nodes { operation objectId } } }`,
    // The admin's import writes draft.create on the editor's council: a council-scoped event of its own.
    arrange: makeDraft,
    variables: (_world, f) => ({ filter: { object: toGlobalId("PlanDraft", f.draftId) } }),
    allowed: editors,
    // To anyone who may not see the council's audit trail the list is empty, not an error.
    refused: "empty",
    observe: ({ data, fixture }) => {
      const nodes = (data?.["auditEvents"] as { nodes: { operation: string; objectId: string | null }[] } | undefined)
        ?.nodes;
      return (nodes ?? []).some(
        (e) => e.operation === "draft.create" && e.objectId === toGlobalId("PlanDraft", fixture.draftId),
      );
    },
  }),
];
