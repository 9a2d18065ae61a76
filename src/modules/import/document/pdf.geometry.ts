/**
 * Page geometry as pdf.js reports it, rebuilt into what a reader sees: glyph runs grouped into
 * lines by baseline, each line cut into chunks where the horizontal gap is wider than a few spaces
 * (or a ruling line crosses it), and the ruling lines the page draws. All positions are PDF user
 * space: points from the page's bottom-left, `y` a baseline.
 */

/** One text item of `getTextContent`, horizontal, whitespace collapsed. */
export interface TextRun {
  text: string;
  x: number;
  y: number;
  width: number;
  /** Font size in user space (the text matrix's vertical scale). */
  size: number;
  bold: boolean;
}

/** A straight rule: `at` is its y when horizontal, its x when vertical; it runs `from`–`to` along the other axis. */
export interface Rule {
  horizontal: boolean;
  at: number;
  from: number;
  to: number;
}

/** A filled box the page paints (a shaded cell or row), with its colour as "#rrggbb". */
export interface Fill {
  left: number;
  right: number;
  bottom: number;
  top: number;
  color: string;
}

export interface PdfPage {
  /** 1-based. */
  number: number;
  /** The page's box: its bottom edge and size, in user space. */
  bottom: number;
  width: number;
  height: number;
  runs: TextRun[];
  rules: Rule[];
  /** Filled boxes other than white, in painting order. */
  fills: Fill[];
  /** Why the page's text could not be read, when it could not. */
  failure?: string;
}

/** Glyph runs on one line close enough to be read as one phrase. */
export interface Chunk {
  text: string;
  x: number;
  right: number;
  size: number;
  bold: boolean;
  /** Where each glyph run after the first starts: its x, and its offset in `text`. */
  runStarts: { x: number; index: number }[];
}

export interface PdfLine {
  page: number;
  /** 1-based line of DocumentModel.text this line is printed on. */
  lineNo: number;
  y: number;
  x: number;
  right: number;
  /** The size and weight most of the line's characters have. */
  size: number;
  bold: boolean;
  chunks: Chunk[];
  /** The chunks joined by a tab: the line as it appears in DocumentModel.text. */
  text: string;
}

/** Baselines closer than this fraction of the font size are one line (superscripts, mixed sizes). */
const baselineTolerance = 0.4;
/** A gap wider than this fraction of the font size is a word space. */
const spaceGap = 0.15;
/** A gap wider than this fraction of the font size (about three spaces) separates chunks: table columns. */
const chunkGap = 0.9;

/** A bullet printed apart from its text (a hanging indent) belongs to the text, not to a column of its own. */
const loneBullet = /^[•▪■◦‣⁃●○·*➢►✓\-–o\uf0b7\uf0a7\uf076\uf0d8]$/u;

export function buildLines(page: PdfPage): Omit<PdfLine, "lineNo">[] {
  const runs = page.runs.filter((run) => run.text.trim() !== "").sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: TextRun[][] = [];
  let groupY = 0;
  let groupSize = 0;
  for (const run of runs) {
    const group = groups.at(-1);
    if (group !== undefined && Math.abs(groupY - run.y) <= baselineTolerance * Math.max(groupSize, run.size)) {
      group.push(run);
      groupSize = Math.max(groupSize, run.size);
    } else {
      groups.push([run]);
      groupY = run.y;
      groupSize = run.size;
    }
  }
  const verticals = page.rules.filter((rule) => !rule.horizontal);
  return groups.map((group) => lineOf(page.number, group, verticals));
}

function lineOf(page: number, group: TextRun[], verticals: Rule[]): Omit<PdfLine, "lineNo"> {
  group.sort((a, b) => a.x - b.x);
  const y = group[0]!.y;
  const chunks: Chunk[] = [];
  let previous: TextRun | null = null;
  for (const run of group) {
    const chunk = chunks.at(-1);
    const right = run.x + run.width;
    if (chunk === undefined || previous === null) {
      chunks.push(chunkOf(run));
    } else {
      const size = Math.max(previous.size, run.size);
      const gap = run.x - chunk.right;
      // pdf.js repeats a run drawn twice over itself (fake bold): keep one.
      if (gap < -0.5 * size && run.text === previous.text && Math.abs(run.x - previous.x) < 0.5 * size) continue;
      if (gap > chunkGap * size || ruleBetween(verticals, chunk.right, run.x, y, size)) {
        chunks.push(chunkOf(run));
      } else {
        const spaced = gap > spaceGap * size || /\s$/.test(chunk.text) || /^\s/.test(run.text);
        const prefix = spaced ? `${chunk.text.trimEnd()} ` : chunk.text;
        chunk.runStarts.push({ x: run.x, index: prefix.length });
        chunk.text = prefix + (spaced ? run.text.trimStart() : run.text);
        chunk.right = Math.max(chunk.right, right);
        chunk.bold &&= run.bold;
      }
    }
    previous = run;
  }
  const merged: Chunk[] = [];
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i]!;
    const next = chunks[i + 1];
    if (next !== undefined && loneBullet.test(chunk.text.trim())) {
      const bullet = `${chunk.text.trim()} `;
      const runStarts = next.runStarts.map((start) => ({ x: start.x, index: start.index + bullet.length }));
      merged.push({ ...next, text: bullet + next.text, x: chunk.x, runStarts });
      i++;
    } else {
      merged.push(chunk);
    }
  }
  for (const chunk of merged) chunk.text = chunk.text.trimEnd();
  const weight = new Map<number, number>();
  let boldChars = 0;
  let chars = 0;
  for (const run of group) {
    const n = run.text.trim().length;
    weight.set(run.size, (weight.get(run.size) ?? 0) + n);
    chars += n;
    if (run.bold) boldChars += n;
  }
  const size = [...weight.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]![0];
  return {
    page,
    y,
    x: merged[0]!.x,
    right: Math.max(...merged.map((chunk) => chunk.right)),
    size,
    bold: boldChars * 2 >= chars,
    chunks: merged,
    text: merged.map((chunk) => chunk.text).join("\t"),
  };
}

function chunkOf(run: TextRun): Chunk {
  return {
    text: run.text.trimStart(),
    x: run.x,
    right: run.x + run.width,
    size: run.size,
    bold: run.bold,
    runStarts: [],
  };
}

/**
 * The chunk cut where one of its glyph runs starts at one of `lefts` (a table column's left edge
 * the lines around it show): a cell's text that runs up close to the next column's.
 */
export function splitChunkAt(chunk: Chunk, lefts: readonly number[]): Chunk[] {
  const cuts = chunk.runStarts.filter(
    (start) => start.x > chunk.x + 2 && lefts.some((left) => Math.abs(left - start.x) <= 1.5),
  );
  if (cuts.length === 0) return [chunk];
  const pieces: Chunk[] = [];
  let from = { x: chunk.x, index: 0 };
  for (const cut of [...cuts, { x: chunk.right + 2, index: chunk.text.length }]) {
    const text = chunk.text.slice(from.index, cut.index).trim();
    const runStarts = chunk.runStarts
      .filter((start) => start.index > from.index && start.index < cut.index)
      .map((start) => ({ x: start.x, index: start.index - from.index }));
    // Where the earlier piece ends is not known glyph by glyph: just short of the next one.
    if (text !== "") pieces.push({ ...chunk, text, x: from.x, right: Math.min(chunk.right, cut.x - 2), runStarts });
    from = cut;
  }
  return pieces;
}

function ruleBetween(verticals: Rule[], left: number, right: number, y: number, size: number): boolean {
  return verticals.some(
    (rule) => rule.at > left - 0.5 && rule.at < right + 0.5 && rule.from <= y + 0.5 * size && rule.to >= y,
  );
}

type Matrix = [number, number, number, number, number, number];

function multiply(m: Matrix, n: readonly number[]): Matrix {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = n;
  return [
    m[0] * a + m[2] * b,
    m[1] * a + m[3] * b,
    m[0] * c + m[2] * d,
    m[1] * c + m[3] * d,
    m[0] * e + m[2] * f + m[4],
    m[1] * e + m[3] * f + m[5],
  ];
}

/** The operator codes {@link rulesFromOperators} needs (pdf.js's OPS). */
export interface PaintOps {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  setFillRGBColor: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
}

/** pdf.js 5's path opcodes inside a constructPath's Float32Array. */
const moveTo = 0;
const lineTo = 1;
const curveTo = 2;
const quadraticCurveTo = 3;
const closePath = 4;

/** Rules (and filled boxes) beyond this many on one page are ignored: a drawing, not a table. */
export const maxRulesPerPage = 5_000;
/** A stroke thinner than this (points) along one axis is straight; a filled box this thin is a rule. */
const thin = 2.5;
/** Shorter strokes are glyph-like marks (ticks, bullets), not rules. */
const minRuleLength = 4;

/**
 * The straight horizontal and vertical strokes a page paints — table borders and rules — from its
 * operator list, in user space: stroked segments, thin filled boxes, and the edges of filled boxes
 * (shaded rows). The graphics state's transform is tracked with an explicit stack.
 */
export function rulesFromOperators(
  fnArray: readonly number[],
  argsArray: readonly unknown[],
  ops: PaintOps,
): { rules: Rule[]; fills: Fill[] } {
  const rules: Rule[] = [];
  const fills: Fill[] = [];
  const stack: { ctm: Matrix; color: string }[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  // pdf.js hands every fill colour over as "#rrggbb", whatever the colour space.
  let color = "#000000";
  const stroking = new Set([ops.stroke, ops.closeStroke, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke]);
  stroking.add(ops.closeEOFillStroke);
  const filling = new Set([ops.fill, ops.eoFill]);
  const add = (rule: Rule): void => {
    if (rules.length < maxRulesPerPage && rule.to - rule.from >= minRuleLength) rules.push(rule);
  };
  const segment = (x1: number, y1: number, x2: number, y2: number): void => {
    if (Math.abs(y1 - y2) < thin)
      add({ horizontal: true, at: (y1 + y2) / 2, from: Math.min(x1, x2), to: Math.max(x1, x2) });
    else if (Math.abs(x1 - x2) < thin)
      add({ horizontal: false, at: (x1 + x2) / 2, from: Math.min(y1, y2), to: Math.max(y1, y2) });
  };
  for (let i = 0; i < fnArray.length && rules.length < maxRulesPerPage; i++) {
    const fn = fnArray[i];
    const args = argsArray[i];
    if (fn === ops.save) stack.push({ ctm, color });
    else if (fn === ops.restore) ({ ctm, color } = stack.pop() ?? { ctm, color });
    else if (fn === ops.transform && Array.isArray(args)) ctm = multiply(ctm, args as number[]);
    else if (fn === ops.setFillRGBColor && Array.isArray(args) && typeof args[0] === "string") color = args[0];
    else if (fn === ops.paintFormXObjectBegin && Array.isArray(args)) {
      stack.push({ ctm, color });
      if (Array.isArray(args[0]) || ArrayBuffer.isView(args[0])) ctm = multiply(ctm, Array.from(args[0] as number[]));
    } else if (fn === ops.paintFormXObjectEnd) ({ ctm, color } = stack.pop() ?? { ctm, color });
    else if (fn === ops.constructPath && Array.isArray(args)) {
      const [paint, paths] = args as [number, unknown];
      const stroked = stroking.has(paint);
      if (!stroked && !filling.has(paint)) continue;
      const data = Array.isArray(paths) ? (paths[0] as ArrayLike<number> | undefined) : undefined;
      if (data === undefined) continue;
      const box = (fill: Omit<Fill, "color">): void => {
        if (!/^#f{6}$/i.test(color) && fills.length < maxRulesPerPage) fills.push({ ...fill, color });
      };
      pathRules(data, ctm, stroked, segment, add, box);
    }
  }
  return { rules, fills };
}

function pathRules(
  data: ArrayLike<number>,
  ctm: Matrix,
  stroked: boolean,
  segment: (x1: number, y1: number, x2: number, y2: number) => void,
  add: (rule: Rule) => void,
  box: (fill: Omit<Fill, "color">) => void,
): void {
  const at = (x: number, y: number): [number, number] => [
    ctm[0] * x + ctm[2] * y + ctm[4],
    ctm[1] * x + ctm[3] * y + ctm[5],
  ];
  let current: [number, number] = [0, 0];
  let start: [number, number] = [0, 0];
  let points: [number, number][] = [];
  let curved = false;
  const flush = (): void => {
    // A filled subpath counts only when it is a box: thin ones are rules, others give their edges.
    if (!stroked && !curved && points.length >= 4) {
      const xs = points.map((p) => p[0]);
      const ys = points.map((p) => p[1]);
      const [left, right, bottom, top] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
      if (top - bottom < thin) add({ horizontal: true, at: (top + bottom) / 2, from: left, to: right });
      else if (right - left < thin) add({ horizontal: false, at: (left + right) / 2, from: bottom, to: top });
      else {
        box({ left, right, bottom, top });
        add({ horizontal: true, at: top, from: left, to: right });
        add({ horizontal: true, at: bottom, from: left, to: right });
        add({ horizontal: false, at: left, from: bottom, to: top });
        add({ horizontal: false, at: right, from: bottom, to: top });
      }
    }
    points = [];
    curved = false;
  };
  let i = 0;
  while (i < data.length) {
    const op = data[i++];
    if (op === moveTo) {
      flush();
      current = at(data[i]!, data[i + 1]!);
      start = current;
      points.push(current);
      i += 2;
    } else if (op === lineTo) {
      const next = at(data[i]!, data[i + 1]!);
      if (stroked) segment(current[0], current[1], next[0], next[1]);
      points.push(next);
      current = next;
      i += 2;
    } else if (op === curveTo) {
      current = at(data[i + 4]!, data[i + 5]!);
      curved = true;
      i += 6;
    } else if (op === quadraticCurveTo) {
      current = at(data[i + 2]!, data[i + 3]!);
      curved = true;
      i += 4;
    } else if (op === closePath) {
      if (stroked) segment(current[0], current[1], start[0], start[1]);
      current = start;
    } else {
      break;
    }
  }
  flush();
}
