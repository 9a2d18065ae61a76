import PDFDocument from "pdfkit";

/**
 * A small PDF writer for tests and generators: text drawn at given positions and optional ruling
 * lines, so a test knows exactly where every glyph run sits. Positions are pdfkit's: points from the
 * page's top-left corner, `y` the top of the text (the reader reports PDF user space, from the bottom).
 */
export interface PdfTextSpec {
  text: string;
  x: number;
  y: number;
  /** A PDF standard font ("Helvetica", "Helvetica-Bold", "Times-Roman", …) or a registered one. */
  font?: string;
  size?: number;
}

export interface PdfLineSpec {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width?: number;
}

export interface PdfRectSpec {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Stroked outline (default) or filled: in black, or in the colour given ("#00b050"). */
  fill?: boolean | string;
}

export interface PdfPageSpec {
  texts: PdfTextSpec[];
  lines?: PdfLineSpec[];
  rects?: PdfRectSpec[];
}

export interface PdfSpec {
  pages: PdfPageSpec[];
  /** Points, [width, height]; A4 portrait when absent. */
  size?: [number, number];
  font?: string;
  fontSize?: number;
  /** Metadata Title. */
  title?: string;
  /** Encrypts the document: it then opens only with this password. */
  userPassword?: string;
}

export const a4: [number, number] = [595.28, 841.89];

export function writePdf(spec: PdfSpec): Promise<Buffer> {
  const size = spec.size ?? a4;
  const doc = new PDFDocument({
    size,
    margin: 0,
    autoFirstPage: false,
    ...(spec.title === undefined ? {} : { info: { Title: spec.title } }),
    ...(spec.userPassword === undefined ? {} : { userPassword: spec.userPassword, pdfVersion: "1.7" as const }),
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  for (const page of spec.pages) {
    doc.addPage({ size, margin: 0 });
    for (const text of page.texts) {
      doc
        .font(text.font ?? spec.font ?? "Helvetica")
        .fontSize(text.size ?? spec.fontSize ?? 10)
        .text(text.text, text.x, text.y, { lineBreak: false });
    }
    for (const line of page.lines ?? []) {
      doc
        .moveTo(line.x1, line.y1)
        .lineTo(line.x2, line.y2)
        .lineWidth(line.width ?? 0.5)
        .stroke();
    }
    for (const rect of page.rects ?? []) {
      doc.rect(rect.x, rect.y, rect.width, rect.height);
      if (rect.fill !== undefined && rect.fill !== false) doc.fill(rect.fill === true ? "#000000" : rect.fill);
      else doc.lineWidth(0.5).stroke();
    }
  }
  doc.end();
  return done;
}
