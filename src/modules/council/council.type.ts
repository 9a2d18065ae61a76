import { Field, Float, Int, ObjectType } from "type-graphql";
import { Connection } from "../../shared/graphql/pagination.js";
import { Node } from "../../shared/graphql/node.interface.js";

@ObjectType("Council", {
  implements: Node,
  description:
    "An English local authority from the mySociety register of UK local authorities (CC BY 4.0): principal councils, combined authorities and the GLA. Councils without a peer challenge still appear, so that peer groups are complete.",
})
export class Council extends Node {
  @Field(() => String, { description: "ONS GSS code, the natural key (E07000073)." })
  gssCode!: string;

  @Field(() => String, { description: "Three-letter code from the register (HAR)." })
  registerCode!: string;

  @Field(() => String, { description: "URL-safe name, unique (harlow)." })
  slug!: string;

  @Field(() => String, { description: "Short name (Harlow)." })
  name!: string;

  @Field(() => String, { description: "Official name (Harlow District Council)." })
  officialName!: string;

  @Field(() => String, {
    description:
      "Type code: NMD non-metropolitan district, UA unitary, MD metropolitan district, LBO London borough, CTY county, COMB combined authority, SRA strategic regional authority, CC City of London.",
  })
  typeCode!: string;

  @Field(() => String, { description: "Type name as the register prints it." })
  typeName!: string;

  @Field(() => String, { description: "English region (East of England)." })
  region!: string;

  @Field(() => Int, { nullable: true, description: "Population, mid-2020 estimate." })
  population!: number | null;

  @Field(() => Float, { nullable: true, name: "latitude", description: "Latitude of a representative point." })
  lat!: number | null;

  @Field(() => Float, { nullable: true, name: "longitude", description: "Longitude of a representative point." })
  long!: number | null;
}

@ObjectType("CouncilConnection", { description: "A page of councils." })
export class CouncilConnection extends Connection(Council, "council") {}
