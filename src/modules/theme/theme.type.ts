import { Field, Float, Int, ObjectType, registerEnumType } from "type-graphql";
import { enumOf } from "../../shared/graphql/enum-of.js";
import { Node } from "../../shared/graphql/node.interface.js";
import { themeLinkMethod } from "../recommendation/recommendation.table.js";

@ObjectType("Theme", {
  implements: Node,
  description: "A node of the fixed two-level taxonomy: level 1 the five LGA CPC components, level 2 their sub-themes.",
})
export class Theme extends Node {
  @Field(() => String, { description: "Stable code (governance-culture, governance-culture.scrutiny)." })
  code!: string;

  @Field(() => Int, { description: "1 for an LGA component, 2 for a sub-theme." })
  level!: number;

  @Field(() => Int, {
    description: "The LGA's number for a component (1-5); the order within its component for a sub-theme.",
  })
  position!: number;

  @Field(() => String, { description: "Name (Governance and culture)." })
  name!: string;

  @Field(() => String, { description: "What the theme covers." })
  description!: string;

  @Field(() => [String], { description: "Names the LGA used before about 2022 for this component." })
  legacyNames!: string[];
}

export type ThemeLinkMethodValue = (typeof themeLinkMethod.enumValues)[number];
export const ThemeLinkMethod = enumOf(themeLinkMethod.enumValues);
registerEnumType(ThemeLinkMethod, {
  name: "ThemeLinkMethod",
  description: "How a recommendation was classified under a theme.",
  valuesConfig: {
    RULE: { description: "By the transparent rule set in seeds/themes/rules.json." },
    HAND: { description: "By a person, in seeds/themes/overrides.json; wins over the rules." },
  },
});

@ObjectType("ThemeLink", {
  description: "A recommendation's classification under one sub-theme, with how it was made.",
})
export class ThemeLink {
  themeId!: number;

  @Field(() => ThemeLinkMethod, { description: "Rule or hand." })
  method!: ThemeLinkMethodValue;

  @Field(() => Float, { description: "Confidence in (0, 1]; 1 for a hand classification." })
  confidence!: number;

  @Field(() => [String], { description: "The rule patterns that fired (empty for a hand classification)." })
  matched!: string[];

  @Field(() => String, {
    nullable: true,
    description:
      "Who set a hand classification (the key's name), through updateRecommendation or a published draft; null for the rules' links and the overrides file.",
  })
  linkedByName!: string | null;
}
