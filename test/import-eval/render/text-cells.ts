/** A web table pasted as plain text: one cell per line, merged cells present once, blanks as empty lines. */

import { page, planGrid } from "./blocks.js";
import { drawLayout, layoutTraits, printPlan } from "./layout.js";
import { fileName, utf8, type Renderer } from "./renderer.js";
import { blocksToText } from "./text-blocks.js";

export const renderTextCells: Renderer = async (plan, random) => {
  const layout = drawLayout(plan, random);
  const { printed, expected } = printPlan(plan, layout, random);
  const blocks = page(plan, layout, random, [{ kind: "table", grid: planGrid(printed, layout, { spans: true }) }]);
  return Promise.resolve({
    bytes: utf8(blocksToText(blocks, layout.bullet)),
    filename: fileName(plan, "txt"),
    traits: layoutTraits(layout, true),
    expected,
  });
};
