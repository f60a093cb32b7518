import "server-only";
import * as fontkit from "fontkit";
import { loadFonts } from "@/lib/reports/formats/pdf/fonts";

/**
 * Text widths for diagrams drawn on the server, measured with DejaVu Sans (the PDF's font, shipped
 * in node_modules, so no network and the same answer on every server). DejaVu is wider than the
 * common system sans faces, so a box sized by it holds the name in the browser's font too.
 */
let faces: { regular: fontkit.Font; bold: fontkit.Font } | undefined;

function loadFaces() {
  const fonts = loadFonts();
  faces ??= { regular: fontkit.create(fonts.sans) as fontkit.Font, bold: fontkit.create(fonts.bold) as fontkit.Font };
  return faces;
}

export type TextStyle = { size: number; isBold?: boolean };

/** The width in pixels of `text` set in `style`. */
export function measureText(text: string, { size, isBold = false }: TextStyle): number {
  const face = isBold ? loadFaces().bold : loadFaces().regular;
  return (face.layout(text).advanceWidth / face.unitsPerEm) * size;
}

/** `text` cut with an ellipsis to fit `maxWidth` (whole characters only), and its width. */
export function fitText(text: string, maxWidth: number, style: TextStyle): { text: string; width: number; isCut: boolean } {
  const width = measureText(text, style);
  if (width <= maxWidth) return { text, width, isCut: false };
  const characters = [...text];
  let [low, high] = [0, characters.length];
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (measureText(`${characters.slice(0, middle).join("").trimEnd()}…`, style) <= maxWidth) low = middle;
    else high = middle - 1;
  }
  const cut = `${characters.slice(0, low).join("").trimEnd()}…`;
  return { text: cut, width: measureText(cut, style), isCut: true };
}
