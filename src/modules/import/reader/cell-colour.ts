/**
 * A status printed as a colour alone: a cell filled green, amber or red with no words in it. The
 * colour is named so that the status normaliser, which knows what each colour means, reads it.
 */

const named: Readonly<Record<string, string>> = {
  green: "Green",
  lime: "Green",
  darkgreen: "Green",
  lightgreen: "Green",
  forestgreen: "Green",
  amber: "Amber",
  orange: "Amber",
  yellow: "Amber",
  gold: "Amber",
  red: "Red",
  darkred: "Red",
  crimson: "Red",
  blue: "Blue",
};

function rgbOf(fill: string): [number, number, number] | null {
  const text = fill.trim().toLowerCase();
  const hex = /^#?(?:[0-9a-f]{2})?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/.exec(text);
  if (hex) return [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16), parseInt(hex[3]!, 16)];
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(text);
  if (short)
    return [
      parseInt(short[1]! + short[1]!, 16),
      parseInt(short[2]! + short[2]!, 16),
      parseInt(short[3]! + short[3]!, 16),
    ];
  const rgb = /^rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})/.exec(text);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  return null;
}

/** "Green", "Amber", "Red" or "Blue" for a fill that clearly is one; null for white, grey, pale or unknown fills. */
export function statusColourName(fill: string | undefined): string | null {
  if (fill === undefined) return null;
  const name = named[fill.trim().toLowerCase()];
  if (name) return name;
  const rgb = rgbOf(fill);
  if (!rgb) return null;
  const [r, g, b] = rgb.map((v) => v / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const lightness = (max + min) / 2;
  const saturation = max === min ? 0 : (max - min) / (1 - Math.abs(2 * lightness - 1));
  // Greys, whites and pastel header shading say nothing about status.
  if (saturation < 0.35 || lightness > 0.85 || lightness < 0.12) return null;
  let hue: number;
  if (max === r) hue = (60 * ((g - b) / (max - min)) + 360) % 360;
  else if (max === g) hue = 60 * ((b - r) / (max - min)) + 120;
  else hue = 60 * ((r - g) / (max - min)) + 240;
  if (hue < 18 || hue >= 340) return "Red";
  if (hue < 65) return "Amber";
  if (hue < 170) return "Green";
  if (hue < 260) return "Blue";
  return null;
}
