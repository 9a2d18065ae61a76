import { Field, InputType } from "type-graphql";
import { LocalDateScalar } from "../../shared/graphql/local-date.scalar.js";

@InputType("PeerChallengeFilter", { description: "Narrows a list of peer challenges; conditions combine with AND." })
export class PeerChallengeFilter {
  @Field(() => [String], { nullable: true, description: "Councils by GSS code; any of them." })
  councils?: string[] | null;

  @Field(() => String, { nullable: true, description: "Members of this peer group, by slug." })
  peerGroup?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Held on or after this day." })
  heldFrom?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Held on or before this day." })
  heldTo?: string | null;
}
