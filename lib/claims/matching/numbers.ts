/**
 * Number folding for claim matching: the same quantity written as "1,000", "1000", "one thousand"
 * or "1 thousand" becomes one token ("1000"), so two claims that differ only in how they spell a
 * figure still share it. Works on lower-case word tokens (normalize.ts makes them).
 */

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Record<string, number> = {
  hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12,
};
/** Abbreviations of scales that follow a figure: "$3m", "$2bn", "40k". */
export const SCALE_ABBREVIATIONS: Record<string, string> = {
  k: "thousand", m: "million", mn: "million", mln: "million", b: "billion", bn: "billion", tn: "trillion",
};

const NUMERAL = /^\d+(?:\.\d+)?$/;

function wordValue(token: string): number | undefined {
  return UNITS[token] ?? TENS[token];
}

/** Writes a value without exponent or float noise: 3.5e6 -> "3500000", 0.5 -> "0.5". */
export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return BigInt(Math.round(value)).toString();
  return String(Number(value.toPrecision(12)));
}

/**
 * Replaces each run of number words and numerals with scales ("twenty five", "3.5 million",
 * "one hundred and two", "a million") by its value in digits; other tokens pass unchanged.
 */
export function foldNumberWords(tokens: readonly string[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    const parsed = readNumber(tokens, i);
    if (parsed) {
      out.push(formatNumber(parsed.value));
      i = parsed.next;
    } else {
      out.push(tokens[i]);
      i += 1;
    }
  }
  return out;
}

type Parsed = { value: number; next: number };

function readNumber(tokens: readonly string[], start: number): Parsed | null {
  let total = 0;
  let current = 0;
  let i = start;
  let sawAny = false;
  // "a million", "a hundred": the article counts as one only right before a scale.
  if (tokens[i] === "a" && SCALES[tokens[i + 1]] !== undefined) {
    current = 1;
    sawAny = true;
    i += 1;
  } else if (NUMERAL.test(tokens[i] ?? "")) {
    // A numeral takes scales after it ("3.5 million") but no more number words.
    current = Number(tokens[i]);
    i += 1;
    if (SCALES[tokens[i]] === undefined) return { value: current, next: i };
    sawAny = true;
  }
  while (i < tokens.length) {
    const token = tokens[i];
    const small = wordValue(token);
    if (small !== undefined) {
      current += small;
      sawAny = true;
      i += 1;
      continue;
    }
    const scale = SCALES[token];
    if (scale !== undefined && sawAny) {
      if (scale === 100) current = (current || 1) * 100;
      else {
        total += (current || 1) * scale;
        current = 0;
      }
      i += 1;
      continue;
    }
    // "one hundred and two": "and" joins only when a number word follows it.
    if (token === "and" && sawAny && wordValue(tokens[i + 1] ?? "") !== undefined) {
      i += 1;
      continue;
    }
    break;
  }
  if (!sawAny) return null;
  return { value: total + current, next: i };
}
