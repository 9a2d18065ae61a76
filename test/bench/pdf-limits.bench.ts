import { fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";
import PDFDocument from "pdfkit";
import { readPdf } from "../../src/modules/import/document/pdf.reader.js";
import { writePdf, type PdfPageSpec, type PdfTextSpec } from "../support/pdf-writer.js";

/**
 * Time and peak memory of reading large PDFs: 200 and 500 pages (the limit) of prose and ruled
 * tables, and a ~5 MB PDF (dense text and a large incompressible image, which the reader skips unread). Each case
 * runs in a child process of its own so that its peak RSS is its own. Figures, not verdicts.
 * Run with `npx tsx test/bench/pdf-limits.bench.ts`.
 */

interface Figures {
  name: string;
  megabytes: number;
  pages: number;
  blocks: number;
  tableRows: number;
  ms: number;
  cpuMs: number;
  baselineRssMb: number;
  peakRssMb: number;
}

const words = "the council will work with partners to improve services for residents and review progress".split(" ");
function sentence(seed: number, count: number): string {
  return Array.from({ length: count }, (_, i) => words[(seed * 7 + i * 3) % words.length]).join(" ");
}

/** One page of a plan: running header, heading, a paragraph, a ruled 4-column table of wrapped rows, footer. */
function planPage(n: number, total: number): PdfPageSpec {
  const texts: PdfTextSpec[] = [
    { text: "Anytown Council: Corporate Peer Challenge action plan", x: 72, y: 30 },
    { text: `Theme ${n}`, x: 72, y: 70, size: 16, font: "Helvetica-Bold" },
  ];
  for (let l = 0; l < 6; l++) texts.push({ text: sentence(n + l, 14), x: 72, y: 100 + 12 * l });
  const lines: PdfPageSpec["lines"] = [];
  const columns = [72, 110, 270, 450];
  let y = 190;
  ["No.", "Action", "Update", "Lead"].forEach((header, c) =>
    texts.push({ text: header, x: columns[c]!, y, font: "Helvetica-Bold" }),
  );
  lines.push({ x1: 68, y1: y - 4, x2: 540, y2: y - 4 });
  y += 16;
  for (let r = 0; r < 14; r++) {
    lines.push({ x1: 68, y1: y - 4, x2: 540, y2: y - 4 });
    texts.push({ text: `${n}.${r + 1}`, x: 72, y });
    for (let l = 0; l < 3; l++) {
      texts.push({ text: sentence(n * r + l, 4), x: 110, y: y + 12 * l });
      texts.push({ text: sentence(n + r + l, 4), x: 270, y: y + 12 * l });
    }
    texts.push({ text: "Director of Place", x: 450, y });
    y += 40;
  }
  texts.push({ text: `Page ${n} of ${total}`, x: 260, y: 810 });
  return { texts, lines };
}

/** An RGB PNG of noise: incompressible, so the file is as large as the image. */
function noisePng(side: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer): number => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer): Buffer => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const tail = Buffer.alloc(4);
    tail.writeUInt32BE(crc(body));
    return Buffer.concat([head, body, tail]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.alloc((side * 3 + 1) * side);
  for (let row = 0; row < side; row++) randomBytes(side * 3).copy(raw, row * (side * 3 + 1) + 1);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 1 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

async function fiveMegabytePdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margin: 0, autoFirstPage: false });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
  });
  doc.addPage();
  doc.image(noisePng(1150), 50, 50, { width: 495 });
  for (let p = 0; p < 60; p++) {
    doc.addPage();
    doc.font("Helvetica").fontSize(9);
    for (let l = 0; l < 70; l++) doc.text(`${sentence(p * 70 + l, 16)}.`, 50, 40 + 11 * l, { lineBreak: false });
  }
  doc.end();
  return done;
}

async function measure(name: string, file: string): Promise<Figures> {
  const bytes = readFileSync(file);
  const baseline = process.memoryUsage().rss;
  const started = performance.now();
  const cpu = process.cpuUsage();
  const model = await readPdf(bytes);
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return {
    name,
    megabytes: bytes.length / 1e6,
    pages: Math.max(0, ...model.blocks.map((block) => block.source.page ?? 0)),
    blocks: model.blocks.length,
    tableRows: model.blocks.reduce((sum, block) => sum + (block.kind === "table" ? block.rows.length : 0), 0),
    ms,
    cpuMs: (used.user + used.system) / 1000,
    baselineRssMb: baseline / 1e6,
    peakRssMb: (process.resourceUsage().maxRSS * 1024) / 1e6,
  };
}

const [caseName, caseFile] = process.argv.slice(2);
if (caseName !== undefined && caseFile !== undefined) {
  process.send?.(await measure(caseName, caseFile));
} else {
  const dir = mkdtempSync(join(tmpdir(), "pdf-bench-"));
  try {
    const cases: [string, Buffer][] = [
      ["1 page (pdf.js's fixed cost)", await writePdf({ pages: [planPage(1, 1)] })],
      [
        "200 pages, prose and ruled tables",
        await writePdf({ pages: Array.from({ length: 200 }, (_, i) => planPage(i + 1, 200)) }),
      ],
      [
        "500 pages (the page limit)",
        await writePdf({ pages: Array.from({ length: 500 }, (_, i) => planPage(i + 1, 500)) }),
      ],
      ["~5 MB: 60 pages of text and a 4 MB image", await fiveMegabytePdf()],
    ];
    const rows: string[] = [];
    for (const [name, pdf] of cases) {
      const file = join(dir, `${rows.length}.pdf`);
      writeFileSync(file, pdf);
      const figures = await new Promise<Figures>((resolve, reject) => {
        const child = fork(fileURLToPath(import.meta.url), [name, file]);
        child.once("message", (message) => resolve(message as Figures));
        child.once("error", reject);
      });
      rows.push(
        `| ${figures.name} | ${figures.megabytes.toFixed(2)} MB | ${figures.pages} | ${figures.blocks} | ${figures.tableRows} | ` +
          `${figures.ms.toFixed(0)} ms | ${figures.cpuMs.toFixed(0)} ms | ${figures.baselineRssMb.toFixed(0)} MB | ${figures.peakRssMb.toFixed(0)} MB |`,
      );
    }
    process.stdout.write(`PDF limits, ${new Date().toISOString().slice(0, 10)}, node ${process.version}\n`);
    process.stdout.write(
      "| document | size | pages with blocks | blocks | table rows | read time (wall) | CPU time | RSS before | peak RSS |\n" +
        `|---|---|---|---|---|---|---|---|---|\n${rows.join("\n")}\n`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
