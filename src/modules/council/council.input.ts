import { Field, InputType } from "type-graphql";

@InputType("CouncilFilter", {
  description: "Narrows a list of councils; conditions combine with AND, values within a list with OR.",
})
export class CouncilFilter {
  @Field(() => [String], { nullable: true, description: "Type codes (NMD, UA, MD, LBO, CTY, COMB, SRA, CC)." })
  types?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Regions as the register names them ("East of England").' })
  regions?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: "County councils by GSS code (E10000012): the county and its districts.",
  })
  counties?: string[] | null;

  @Field(() => String, { nullable: true, description: "Members of this peer group, by slug." })
  peerGroup?: string | null;

  @Field(() => String, { nullable: true, description: "Case-insensitive search in the short and official names." })
  search?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "true: only councils with a peer challenge in the graph; false: only those without.",
  })
  hasPeerChallenge?: boolean | null;
}
