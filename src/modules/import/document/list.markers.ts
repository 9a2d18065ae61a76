/** How an ordered list counts, whatever the format calls it (HTML `type`, DOCX `w:numFmt`). */
export type OrdinalStyle = "decimal" | "lowerAlpha" | "upperAlpha" | "lowerRoman" | "upperRoman";

const romanDigits: [number, string][] = [
  [1000, "m"],
  [900, "cm"],
  [500, "d"],
  [400, "cd"],
  [100, "c"],
  [90, "xc"],
  [50, "l"],
  [40, "xl"],
  [10, "x"],
  [9, "ix"],
  [5, "v"],
  [4, "iv"],
  [1, "i"],
];

/**
 * The counter as the list prints it. Letters run a…z, aa…zz like a browser; numbers that a style
 * cannot print (letters or numerals for 0 and below, numerals above 3999) fall back to decimal, as
 * browsers and Word do.
 */
export function formatOrdinal(n: number, style: OrdinalStyle): string {
  if (style === "decimal" || n < 1) return String(n);
  if (style === "lowerAlpha" || style === "upperAlpha") {
    let letters = "";
    for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) letters = String.fromCharCode(97 + ((k - 1) % 26)) + letters;
    return style === "upperAlpha" ? letters.toUpperCase() : letters;
  }
  if (n > 3999) return String(n);
  let roman = "";
  let k = n;
  for (const [value, digits] of romanDigits) {
    while (k >= value) {
      roman += digits;
      k -= value;
    }
  }
  return style === "upperRoman" ? roman.toUpperCase() : roman;
}
