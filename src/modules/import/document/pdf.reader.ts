import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import * as pdfjs from "pdfjs-dist/legacy/build/pdf.mjs";
import type { DocumentModel } from "./document.model.js";
import { rulesFromOperators, type PdfPage, type TextRun } from "./pdf.geometry.js";
import { layoutPdf } from "./pdf.layout.js";
import { PlanParseError } from "../parsers/parse.errors.js";

/**
 * Reads a PDF with pdf.js (legacy build: Node 20) into the document model: the glyph runs and ruling
 * lines of every page, rebuilt into lines, tables and paragraphs by pdf.layout.ts, which also defines
 * `DocumentModel.text` (every rebuilt line, one per line, page after page).
 *
 * The input is untrusted: no eval of embedded code, no font loading into the runtime, no system
 * fonts, no network, images never decoded (only text and vector rules are wanted), and pdf.js's own
 * console output limited to errors. In Node pdf.js runs its worker in the same thread ("fake
 * worker"), loaded from the package; the document is destroyed on every path out.
 */

export interface PdfLimits {
  maxPages: number;
  /** Text items over all pages together. */
  maxTextItems: number;
  /** Wall time for reading all pages, a backstop against a pathological page. */
  maxMillis: number;
}

export const pdfLimits: PdfLimits = { maxPages: 500, maxTextItems: 2_000_000, maxMillis: 120_000 };

const require = createRequire(import.meta.url);
/** pdf.js reads standard fonts with fs.readFile(prefix + name): a directory path, not a URL. */
const standardFontDataUrl = join(dirname(require.resolve("pdfjs-dist/package.json")), "standard_fonts") + "/";

// The fake worker imports pdf.worker.mjs. pdf.js's own default ("./pdf.worker.mjs", relative to
// pdf.mjs) works only while pdf.mjs is loaded from its package unbundled; a file URL resolved
// from the package works from src/ (vitest, tsx) and dist/ (node) alike.
pdfjs.GlobalWorkerOptions.workerSrc = pathToFileURL(require.resolve("pdfjs-dist/legacy/build/pdf.worker.mjs")).href;

export async function readPdf(bytes: Uint8Array, limits: PdfLimits = pdfLimits): Promise<DocumentModel> {
  const task = pdfjs.getDocument({
    // pdf.js may take ownership of the buffer it is given: it gets a copy.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    enableXfa: false,
    disableAutoFetch: true,
    disableStream: true,
    // Images are never needed; any larger than one pixel is dropped unread.
    maxImageSize: 1,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    standardFontDataUrl,
  });
  try {
    let doc: pdfjs.PDFDocumentProxy;
    try {
      doc = await task.promise;
    } catch (error) {
      throw loadError(error);
    }
    if (doc.numPages > limits.maxPages) {
      throw new PlanParseError(
        "import.limit_exceeded",
        `The PDF has ${doc.numPages} pages; at most ${limits.maxPages} are read.`,
      );
    }
    const started = Date.now();
    const pages: PdfPage[] = [];
    let items = 0;
    for (let number = 1; number <= doc.numPages; number++) {
      if (Date.now() - started > limits.maxMillis) {
        throw new PlanParseError("import.limit_exceeded", `Reading the PDF took over ${limits.maxMillis / 1000} s.`);
      }
      const page = await readPage(doc, number);
      items += page.runs.length;
      if (items > limits.maxTextItems) {
        throw new PlanParseError("import.limit_exceeded", `The PDF has more than ${limits.maxTextItems} text items.`);
      }
      pages.push(page);
    }
    if (pages.length > 0 && pages.every((page) => page.failure !== undefined)) {
      throw new PlanParseError("import.corrupt_document", "No page of the PDF can be read: it is damaged.");
    }
    return layoutPdf(pages, await documentTitle(doc));
  } finally {
    await task.destroy();
  }
}

function loadError(error: unknown): PlanParseError {
  const name = error instanceof Error ? error.name : "";
  // pdf.js 5 no longer exports PasswordException; the name survives the worker boundary.
  if (name === "PasswordException") {
    return new PlanParseError("import.encrypted_document", "The PDF is password-protected.");
  }
  return new PlanParseError("import.corrupt_document", "The PDF cannot be read: it is damaged or not a PDF.");
}

async function readPage(doc: pdfjs.PDFDocumentProxy, number: number): Promise<PdfPage> {
  let proxy: pdfjs.PDFPageProxy | null = null;
  try {
    proxy = await doc.getPage(number);
    const [left, bottom, right, top] = proxy.view as [number, number, number, number];
    const base = { number, bottom, width: right - left, height: top - bottom };
    // The operator list first: it loads the fonts, whose names tell bold type apart.
    const operators = await proxy.getOperatorList();
    const { rules, fills } = rulesFromOperators(operators.fnArray, operators.argsArray, pdfjs.OPS);
    const content = await proxy.getTextContent();
    const bold = new Map<string, boolean>();
    const runs: TextRun[] = [];
    for (const item of content.items) {
      if (!("str" in item) || item.str.trim() === "") continue;
      const [a, b, c, d, x, y] = item.transform as [number, number, number, number, number, number];
      // Rotated text (watermarks, vertical labels) is not part of the reading order.
      if (Math.abs(b) > 0.1 * Math.abs(a) || Math.abs(c) > 0.1 * Math.abs(d) || a <= 0) continue;
      const size = Math.abs(d) || item.height;
      if (!(size > 0)) continue;
      if (!bold.has(item.fontName)) bold.set(item.fontName, isBoldFont(proxy, item.fontName));
      runs.push({ text: item.str.replace(/\s+/g, " "), x, y, width: item.width, size, bold: bold.get(item.fontName)! });
    }
    return { ...base, runs, rules, fills };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const [left, bottom, right, top] = (proxy?.view ?? [0, 0, 0, 0]) as [number, number, number, number];
    return {
      number,
      bottom,
      width: right - left,
      height: top - bottom,
      runs: [],
      rules: [],
      fills: [],
      failure: `its text cannot be read (${reason.slice(0, 200)}).`,
    };
  } finally {
    proxy?.cleanup();
  }
}

function isBoldFont(page: pdfjs.PDFPageProxy, fontName: string): boolean {
  if (!page.commonObjs.has(fontName)) return false;
  const font = page.commonObjs.get(fontName) as { name?: unknown; bold?: unknown } | null;
  if (font?.bold === true) return true;
  return typeof font?.name === "string" && /bold|black|heavy|semibold|demi/i.test(font.name);
}

async function documentTitle(doc: pdfjs.PDFDocumentProxy): Promise<string | null> {
  try {
    const { info } = await doc.getMetadata();
    const title = (info as { Title?: unknown } | null)?.Title;
    return typeof title === "string" && title.trim() !== "" ? title.trim() : null;
  } catch {
    return null;
  }
}
