import PDFDocument from "pdfkit";
import SVGtoPDF from "svg-to-pdfkit";
import { BODY_FONT, BOLD_FONT, registerFonts } from "./fonts.js";

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

/** NHS blue and the greys the identity guidelines pair it with. */
export const COLOURS = { blue: "#005EB8", dark: "#231F20", grey: "#425563", pale: "#E8EDEE" } as const;

const MARGIN = 56;
const A4 = "A4";

export interface ReportOptions {
  title: string;
  subject: string;
  /** Printed at the foot of every page beside the page number. */
  footer: string;
  /** "Draft — not submitted" or similar: printed at the top of every page. */
  banner?: string | undefined;
  /** A large diagonal mark on every page, e.g. "Provisional". */
  watermark?: string | undefined;
}

export interface Column {
  header: string;
  /** Share of the text width, 0..1; the columns of a table add up to 1. */
  width: number;
  align?: "left" | "right";
}

/**
 * A tagged A4 report: every heading, paragraph, table and figure is a structure element in reading
 * order, decorations (page numbers, banners, watermarks) are artifacts, and the whole document is built
 * in memory so a failure never sends half a PDF.
 */
export class ReportWriter {
  readonly doc: Doc;
  private readonly root: Struct;
  private readonly chunks: Buffer[] = [];

  constructor(private readonly options: ReportOptions) {
    this.doc = new PDFDocument({
      size: A4,
      margins: { top: MARGIN + (options.banner ? 14 : 0), bottom: MARGIN, left: MARGIN, right: MARGIN },
      bufferPages: true,
      tagged: true,
      lang: "en-GB",
      displayTitle: true,
      pdfVersion: "1.7",
      info: { Title: options.title, Subject: options.subject, Author: "Realise", Creator: "Realise" },
    });
    this.doc.on("data", (chunk: Buffer) => this.chunks.push(chunk));
    registerFonts(this.doc);
    this.doc.font(BODY_FONT).fontSize(10).fillColor(COLOURS.dark);
    this.root = this.doc.struct("Document");
    this.doc.addStructure(this.root);
  }

  private get width() {
    return this.doc.page.width - MARGIN * 2;
  }

  /** Start a new page when fewer than `height` points are left on this one. */
  ensureSpace(height: number) {
    if (this.doc.y + height > this.doc.page.height - this.doc.page.margins.bottom) this.newPage();
  }

  newPage() {
    this.doc.addPage();
  }

  private element(type: string, draw: () => void, options: { alt?: string } = {}) {
    const element = this.doc.struct(type, options, draw);
    this.root.add(element);
    element.end();
  }

  /** `keep`: the height of what follows that must start on the same page (a chart, say). */
  heading(text: string, level: 1 | 2 = 2, keep = 110) {
    const size = level === 1 ? 18 : 13;
    // A heading keeps at least a few lines of what it heads on its page.
    this.ensureSpace(level === 1 ? size * 3 : keep);
    if (level === 2) this.doc.moveDown(0.6);
    this.element(`H${level}`, () => {
      this.doc
        .font(BOLD_FONT)
        .fontSize(size)
        .fillColor(COLOURS.blue)
        .text(text, MARGIN, this.doc.y, { width: this.width });
    });
    this.doc.font(BODY_FONT).fontSize(10).fillColor(COLOURS.dark).moveDown(0.3);
  }

  paragraph(text: string, options: { bold?: boolean; colour?: string; size?: number } = {}) {
    const size = options.size ?? 10;
    this.doc.font(options.bold ? BOLD_FONT : BODY_FONT).fontSize(size);
    this.ensureSpace(this.doc.heightOfString(text, { width: this.width }) + 4);
    this.element("P", () => {
      this.doc
        .fillColor(options.colour ?? COLOURS.dark)
        .text(text, MARGIN, this.doc.y, { width: this.width });
    });
    this.doc.font(BODY_FONT).fontSize(10).fillColor(COLOURS.dark).moveDown(0.4);
  }

  /** Label and value pairs as a two-column table with the labels as row headers. */
  facts(rows: readonly [string, string][]) {
    this.table(
      [
        { header: "Item", width: 0.4 },
        { header: "Value", width: 0.6 },
      ],
      rows.map(([label, value]) => [label, value]),
      undefined,
      { rowHeaders: true },
    );
  }

  /** A table with a header row (TH cells), repeated when the table runs onto another page. */
  table(
    columns: readonly Column[],
    rows: readonly (readonly string[])[],
    caption?: string,
    options: { rowHeaders?: boolean } = {},
  ) {
    const doc = this.doc;
    const width = this.width;
    const table = doc.struct("Table");
    this.root.add(table);
    if (caption) {
      doc.font(BOLD_FONT).fontSize(9);
      this.ensureSpace(40);
      const c = doc.struct("Caption", {}, () => {
        doc.fillColor(COLOURS.grey).text(caption, MARGIN, doc.y, { width });
      });
      table.add(c);
      c.end();
    }
    const heightOf = (cells: readonly string[], font: string) => {
      doc.font(font).fontSize(9);
      return Math.max(
        ...cells.map((cell, i) => doc.heightOfString(cell || " ", { width: width * columns[i]!.width - 8 })),
      );
    };
    const drawRow = (cells: readonly string[], header: boolean) => {
      const font = header ? BOLD_FONT : BODY_FONT;
      const height = heightOf(cells, font) + 6;
      if (doc.y + height > doc.page.height - doc.page.margins.bottom) {
        this.newPage();
        if (!header)
          drawRow(
            columns.map((c) => c.header),
            true,
          );
      }
      const top = doc.y;
      if (header) {
        doc.markContent("Artifact", { type: "Layout" });
        doc.rect(MARGIN, top, width, height).fill(COLOURS.pale);
        doc.endMarkedContent();
      }
      const tr = doc.struct("TR");
      table.add(tr);
      let x = MARGIN;
      cells.forEach((cell, i) => {
        const column = columns[i]!;
        const w = width * column.width;
        // A row's first cell heads it when the table is label and value pairs.
        const heads = header || (options.rowHeaders === true && i === 0);
        const td = doc.struct(heads ? "TH" : "TD", {}, () => {
          doc
            .font(font)
            .fontSize(9)
            .fillColor(COLOURS.dark)
            .text(cell || " ", x + 4, top + 3, { width: w - 8, align: column.align ?? "left" });
        });
        tr.add(td);
        td.end();
        x += w;
      });
      tr.end();
      doc.markContent("Artifact", { type: "Layout" });
      doc
        .moveTo(MARGIN, top + height)
        .lineTo(MARGIN + width, top + height)
        .lineWidth(0.5)
        .strokeColor("#AEB7BD")
        .stroke();
      doc.endMarkedContent();
      doc.x = MARGIN;
      doc.y = top + height;
    };
    this.ensureSpace(60);
    drawRow(
      columns.map((c) => c.header),
      true,
    );
    for (const row of rows) drawRow(row, false);
    table.end();
    doc.font(BODY_FONT).fontSize(10).moveDown(0.6);
  }

  /** A chart drawn as vectors from its SVG, with alternative text saying what it shows. */
  figure(svg: string, alt: string, width: number, height: number) {
    this.ensureSpace(height + 10);
    const top = this.doc.y;
    this.element(
      "Figure",
      () => {
        SVGtoPDF(this.doc as unknown as Parameters<typeof SVGtoPDF>[0], svg, MARGIN, top, {
          width,
          height,
          assumePt: true,
          fontCallback: (_family, bold) => (bold ? BOLD_FONT : BODY_FONT),
        });
      },
      { alt },
    );
    this.doc.x = MARGIN;
    this.doc.y = top + height + 6;
  }

  /** Decorate every page (page numbers, banner, watermark) as artifacts, then the finished bytes. */
  async finish(): Promise<Buffer> {
    const doc = this.doc;
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc.markContent("Artifact", { type: "Pagination" });
      doc
        .font(BODY_FONT)
        .fontSize(8)
        .fillColor(COLOURS.grey)
        .text(this.options.footer, MARGIN, doc.page.height - 36, {
          width: this.width * 0.75,
          lineBreak: false,
        })
        .text(`Page ${i + 1} of ${range.count}`, MARGIN, doc.page.height - 36, {
          width: this.width,
          align: "right",
          lineBreak: false,
        });
      if (this.options.banner) {
        doc
          .font(BOLD_FONT)
          .fontSize(10)
          .fillColor("#D5281B")
          .text(this.options.banner, MARGIN, 30, { width: this.width, align: "center", lineBreak: false });
      }
      if (this.options.watermark) {
        doc.save();
        doc.rotate(-35, { origin: [doc.page.width / 2, doc.page.height / 2] });
        doc
          .font(BOLD_FONT)
          .fontSize(72)
          .fillColor("#D5281B", 0.15)
          .text(this.options.watermark, 0, doc.page.height / 2 - 40, {
            width: doc.page.width,
            align: "center",
            lineBreak: false,
          });
        doc.restore();
        doc.fillOpacity(1);
      }
      doc.endMarkedContent();
      doc.page.margins.bottom = bottom;
    }
    const done = new Promise<Buffer>((resolve, reject) => {
      doc.on("end", () => resolve(Buffer.concat(this.chunks)));
      doc.on("error", reject);
    });
    this.root.end();
    doc.end();
    return done;
  }
}
