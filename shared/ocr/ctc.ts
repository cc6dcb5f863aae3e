// Reading a text line from the recognition model's output: per time step a probability for each
// character of the dictionary (index 0 is the CTC blank). Greedy decoding: the most likely class per
// step, repeats merged, blanks dropped; each character keeps the probability the model gave it.

export interface RecognizedChar {
  char: string;
  /** The model's probability for this character, 0–1 (the highest over the steps that gave it). */
  confidence: number;
}

/**
 * The model's classes from PaddleOCR's dictionary file (one character a line): the blank first, then
 * the file's characters, then the space (PP-OCR's `use_space_char`).
 */
export function classesFromDictionary(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return ['', ...lines, ' '];
}

/** Greedy CTC decoding of `steps` × `classes` probabilities. */
export function decodeCtc(probs: Float32Array, steps: number, classes: readonly string[]): RecognizedChar[] {
  const width = classes.length;
  const out: RecognizedChar[] = [];
  let previous = 0;
  for (let t = 0; t < steps; t++) {
    let best = 0;
    let bestP = -1;
    const row = t * width;
    for (let c = 0; c < width; c++) {
      const p = probs[row + c]!;
      if (p > bestP) {
        bestP = p;
        best = c;
      }
    }
    if (best !== 0 && best === previous) {
      const last = out[out.length - 1]!;
      last.confidence = Math.max(last.confidence, bestP);
    } else if (best !== 0) {
      out.push({ char: classes[best] ?? '', confidence: bestP });
    }
    previous = best;
  }
  return trimSpaces(out);
}

/** Spaces at the ends of a line carry nothing. */
function trimSpaces(chars: RecognizedChar[]): RecognizedChar[] {
  let start = 0;
  let end = chars.length;
  while (start < end && chars[start]!.char.trim() === '') start++;
  while (end > start && chars[end - 1]!.char.trim() === '') end--;
  return chars.slice(start, end);
}
