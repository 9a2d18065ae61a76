/** An HTML page with the plan as a table: with or without <thead>, spans, numbering and header wording. */

import { page, planGrid } from "./blocks.js";
import { blocksToHtml } from "./html-blocks.js";
import { drawLayout, layoutTraits, printPlan } from "./layout.js";
import { fileName, utf8, type Renderer } from "./renderer.js";

export const renderHtmlTable: Renderer = async (plan, random) => {
  const layout = drawLayout(plan, random);
  const { printed, expected } = printPlan(plan, layout, random);
  const style = { thead: random.chance(0.5), th: random.chance(0.6), listsInCells: random.chance(0.5) };
  const blocks = page(plan, layout, random, [{ kind: "table", grid: planGrid(printed, layout, { spans: true }) }]);
  const html = blocksToHtml(blocks, plan.title, random, style);
  return Promise.resolve({
    bytes: utf8(html),
    filename: fileName(plan, random.pick(["html", "htm", "aspx"])),
    traits: [...layoutTraits(layout, true), `thead:${style.thead && layout.header ? "yes" : "no"}`],
    expected,
  });
};
