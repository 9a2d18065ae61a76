/** Recommendations as headings or numbered paragraphs, actions as bullets with "Lead: … Target: … Status: …" lines. */

import { page, planSections } from "./blocks.js";
import { drawLayout, layoutTraits, printPlan } from "./layout.js";
import { fileName, utf8, type Renderer } from "./renderer.js";
import { blocksToText } from "./text-blocks.js";

export const renderParallelLists: Renderer = async (plan, random) => {
  const layout = drawLayout(plan, random, { packing: false });
  const { printed, expected } = printPlan(plan, layout, random);
  const blocks = page(plan, layout, random, planSections(printed, layout, random, "parallel"));
  return Promise.resolve({
    bytes: utf8(blocksToText(blocks, layout.bullet)),
    filename: fileName(plan, "txt"),
    traits: layoutTraits(layout, false),
    expected,
  });
};
