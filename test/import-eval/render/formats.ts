/** Every format and layout the evaluation renders, by name. */

import { renderCsv } from "./csv.js";
import { renderDocx } from "./docx.js";
import { renderHtmlTable } from "./html-table.js";
import { renderInlineBullets } from "./inline-bullets.js";
import { renderMarkdown } from "./markdown.js";
import { renderParallelLists } from "./parallel-lists.js";
import { renderPdf } from "./pdf.js";
import type { Renderer } from "./renderer.js";
import { renderTextCells } from "./text-cells.js";
import { renderXlsx } from "./xlsx.js";

export const renderers = {
  "html-table": renderHtmlTable,
  "text-cells": renderTextCells,
  "parallel-lists": renderParallelLists,
  "inline-bullets": renderInlineBullets,
  markdown: renderMarkdown,
  csv: renderCsv,
  xlsx: renderXlsx,
  docx: renderDocx,
  pdf: renderPdf,
} as const satisfies Record<string, Renderer>;

export type FormatName = keyof typeof renderers;
export const formatNames = Object.keys(renderers) as FormatName[];
