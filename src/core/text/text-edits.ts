// Light edits a copying generator makes to a training text (docs/copy-signal-text.md): the
// "copies" side of the per-run calibration of the text copy signal. Each edit is small enough
// that a reader would call the result a copy of its source. Pure and deterministic for a seeded
// Rng (src/core/random.ts), so the same copies are made in Node and in a Web Worker.
import type { Rng } from '../random.ts';

export const TEXT_EDIT_KINDS = ['chars', 'spacing-case', 'sentence-drop', 'sentence-swap'] as const;
export type TextEditKind = (typeof TEXT_EDIT_KINDS)[number];

/** Share of characters changed by a 'chars' edit (at least one change). */
export const CHAR_EDIT_RATE = 0.02;

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const SPACES = [' ', '  ', '\n', '\t', ' \n'];

export function editText(text: string, kind: TextEditKind, rng: Rng): string {
  switch (kind) {
    case 'chars':
      return charEdits(text, rng);
    case 'spacing-case':
      return spacingCase(text, rng);
    case 'sentence-drop': {
      const s = splitSentences(text);
      if (s.length < 3) return charEdits(text, rng);
      s.splice(rng.int(s.length), 1);
      return s.join(' ');
    }
    case 'sentence-swap': {
      const s = splitSentences(text);
      if (s.length < 2) return charEdits(text, rng);
      const a = rng.int(s.length);
      const b = (a + 1 + rng.int(s.length - 1)) % s.length; // any other sentence
      [s[a], s[b]] = [s[b], s[a]];
      return s.join(' ');
    }
  }
}

/** Insert, delete or substitute ~2% of the characters (at least one), at random positions. */
function charEdits(text: string, rng: Rng): string {
  const chars = Array.from(text); // code points: never split a surrogate pair
  const edits = Math.max(1, Math.round(CHAR_EDIT_RATE * chars.length));
  const letter = () => LETTERS[rng.int(LETTERS.length)];
  for (let e = 0; e < edits; e++) {
    const op = chars.length === 0 ? 0 : rng.int(3);
    const i = rng.int(chars.length + (op === 0 ? 1 : 0));
    if (op === 0) chars.splice(i, 0, letter());
    else if (op === 1) chars.splice(i, 1);
    else {
      let c = letter();
      while (c === chars[i].toLowerCase()) c = letter(); // a substitution must change something
      chars[i] = c;
    }
  }
  return chars.join('');
}

/** Whitespace runs swapped for other whitespace, some words re-cased, padding at the ends. */
function spacingCase(text: string, rng: Rng): string {
  const recase = (w: string) => {
    const r = rng.int(3);
    return r === 0 ? w.toUpperCase() : r === 1 ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();
  };
  const body = text.replace(/\s+|\S+/g, (tok) => {
    if (rng.next() >= 0.25) return tok;
    return /\s/.test(tok) ? SPACES[rng.int(SPACES.length)] : recase(tok);
  });
  return `${SPACES[rng.int(SPACES.length)]}${body}${SPACES[rng.int(SPACES.length)]}`;
}

/**
 * Sentences split after . ! ? (and closing quotes/brackets) followed by whitespace, trimmed and
 * non-empty. Crude on purpose ("Mr." ends a sentence): any split is fine for making a copy.
 */
export function splitSentences(text: string): string[] {
  return text.split(/(?<=[.!?]["'”’)\]]*)\s+|(?<=[。！？])/u).map((p) => p.trim()).filter((p) => p.length > 0);
}
