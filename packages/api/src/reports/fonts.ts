import { readFileSync } from "node:fs";

/** DejaVu Sans (Bitstream Vera licence, assets/fonts/LICENSE-DejaVu.txt): embedded, with £ and en dash. */
export const BODY_FONT = "Body";
export const BOLD_FONT = "Bold";

// From src/reports and dist/reports alike, the fonts are two folders up.
const FONTS = new URL("../../assets/fonts/", import.meta.url);
let files: { body: Buffer; bold: Buffer } | undefined;

/** Read once per process: every report embeds (a subset of) the same two files. */
function fontFiles() {
  files ??= {
    body: readFileSync(new URL("DejaVuSans.ttf", FONTS)),
    bold: readFileSync(new URL("DejaVuSans-Bold.ttf", FONTS)),
  };
  return files;
}

export function registerFonts(doc: PDFKit.PDFDocument) {
  const { body, bold } = fontFiles();
  doc.registerFont(BODY_FONT, body);
  doc.registerFont(BOLD_FONT, bold);
}
