import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { peerGroupMembersTable } from "./peer-group.table.js";

/**
 * The one definition of "a council of this peer group" in SQL: every list filter, benchmark and
 * comparison that narrows to a peer group goes through it.
 */
export function isPeerGroupMember(councilId: SQLWrapper, peerGroupId: number): SQL {
  const m = peerGroupMembersTable;
  return sql`${councilId} in (select ${m.councilId} from ${m} where ${m.peerGroupId} = ${peerGroupId})`;
}
