/** Actions as bullets carrying their owner, date and status inline: "• Do X – Lead: Y – by March 2025". */

import { page, planSections } from "./blocks.js";
import { drawLayout, layoutTraits, printPlan } from "./layout.js";
import { fileName, utf8, type Renderer } from "./renderer.js";
import { blocksToText } from "./text-blocks.js";

export const renderInlineBullets: Renderer = async (plan, random) => {
  const layout = drawLayout(plan, random, { packing: false });
  const { printed, expected } = printPlan(plan, layout, random);
  const blocks = page(plan, layout, random, planSections(printed, layout, random, "inline"));
  return Promise.resolve({
    bytes: utf8(blocksToText(blocks, layout.bullet)),
    filename: fileName(plan, "txt"),
    traits: layoutTraits(layout, false),
    expected,
  });
};
