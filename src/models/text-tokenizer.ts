// SentencePiece unigram tokenizer for Universal Sentence Encoder lite, exactly as the TF.js
// loaders do it (docs/models.md): NFKC, no lowercasing; '▁' + text with every U+0020 → '▁'; a trie over
// the vocabulary (ids 0–5 reserved, skipped); Viterbi over piece scores in UTF-16 code units;
// unknown single units become id 0, and runs of id 0 collapse into one. Pure TS, no Node APIs.
//
// A text is tokenized in pieces of a few thousand units cut before a space, so memory stays flat
// in the text's length and a caller that wants only the first tokens stops early. The ids are the
// whole text's: NFKC never joins anything across a U+0020; no vocabulary piece has '▁' past its
// first unit, so every segmentation has a boundary before each '▁'; and each piece's Viterbi
// starts from the score the previous piece ended on, so every sum is the same float as in one
// pass. Only a run of more than MAX_PIECE_UNITS units with no space is cut elsewhere, where the
// ids next to the cut may differ from a one-pass tokenization.

/** vocab.json: [piece, score] pairs; a null score counts as 0 (as `null + x` does in JS). */
export type Vocabulary = readonly (readonly [string, number | null])[];

export const RESERVED_PIECES = 6;
export const UNK_ID = 0;
const SEP = '\u2581';
const SPACE = 0x20;
/** A piece ends at the last space before this many units (a few KB: small Viterbi arrays). */
export const PIECE_UNITS = 4096;
/** A run with no space is cut at this many units, at the nearest place NFKC does not join across. */
export const MAX_PIECE_UNITS = 65536;

interface TrieNode {
  next: Map<number, TrieNode>;
  /** Vocabulary id ending here, or −1. */
  id: number;
}

export interface TextTokenizer {
  /** Token ids of one text (not truncated). */
  encode(text: string): number[];
  /** The first `maxTokens` ids of encode(text), reading only as much of the text as they need;
   *  `truncated` when the text has more tokens than that. */
  encodeHead(text: string, maxTokens: number): { ids: number[]; truncated: boolean };
  readonly vocabSize: number;
}

/** The input transform of the JS loaders: NFKC, then '▁' prefix and spaces → '▁' when non-empty. */
export function normaliseForPieces(text: string): string {
  const n = text.normalize('NFKC');
  return n.length > 0 ? SEP + n.replace(/ /g, SEP) : n;
}

/** Where the piece that starts at `start` ends: before the last space in its first PIECE_UNITS
 *  units, else in its first MAX_PIECE_UNITS, else at a unit that NFKC keeps apart from the one
 *  before it (not inside a surrogate pair, not before a mark that composes or reorders). */
export function pieceEnd(text: string, start: number): number {
  if (text.length - start <= PIECE_UNITS) return text.length;
  const lastSpace = (to: number) => {
    for (let i = Math.min(to, text.length - 1); i > start; i--) if (text.charCodeAt(i) === SPACE) return i;
    return -1;
  };
  const near = lastSpace(start + PIECE_UNITS);
  if (near > 0) return near;
  if (text.length - start <= MAX_PIECE_UNITS) return text.length;
  const far = lastSpace(start + MAX_PIECE_UNITS);
  if (far > 0) return far;
  const at = start + MAX_PIECE_UNITS;
  for (let c = at; c > at - 64; c--) {
    const code = text.charCodeAt(c);
    if (code >= 0xdc00 && code <= 0xdfff) continue;
    const before = text.slice(c - 4, c), after = text.slice(c, c + 4);
    if ((before + after).normalize('NFKC') === before.normalize('NFKC') + after.normalize('NFKC')) return c;
  }
  return at;
}

export function createTextTokenizer(vocab: Vocabulary, reserved = RESERVED_PIECES): TextTokenizer {
  const root: TrieNode = { next: new Map(), id: -1 };
  const scores = new Float64Array(vocab.length);
  const lengths = new Int32Array(vocab.length);
  for (let i = 0; i < vocab.length; i++) {
    const [piece, score] = vocab[i];
    scores[i] = score ?? 0;
    lengths[i] = piece.length;
    if (i < reserved) continue;
    // Cutting at spaces is exact only while no piece can span a '▁' (see the top of this file).
    if (piece.indexOf(SEP, 1) > 0) throw new Error(`The vocabulary piece "${piece}" has '▁' inside it: texts cannot be tokenized in pieces.`);
    let node = root;
    for (let c = 0; c < piece.length; c++) {
      const u = piece.charCodeAt(c);
      let child = node.next.get(u);
      if (!child) node.next.set(u, (child = { next: new Map(), id: -1 }));
      node = child;
    }
    // A later duplicate piece overwrites, as the JS trie does.
    if (piece.length > 0) node.id = i;
  }

  /** Viterbi over one normalised piece whose first unit follows a path scoring `offset`; pushes
   *  its ids in text order onto `out`. Returns the best score at the piece's end. */
  function viterbi(s: string, offset: number, out: number[]): number {
    const L = s.length;
    // Candidates per end position, in ascending start order (we push starts in order).
    const candStart: number[][] = Array.from({ length: L + 1 }, () => []);
    const candId: number[][] = Array.from({ length: L + 1 }, () => []);
    for (let i = 0; i < L; i++) {
      let node = root.next.get(s.charCodeAt(i));
      let found = false;
      for (let j = i; j < L && node; j++) {
        if (node.id >= 0) {
          candStart[j + 1].push(i);
          candId[j + 1].push(node.id);
          found = true;
        }
        node = j + 1 < L ? node.next.get(s.charCodeAt(j + 1)) : undefined;
      }
      if (!found) {
        candStart[i + 1].push(i);
        candId[i + 1].push(-1); // unk: id 0, score 0, length 1
      }
    }
    const best = new Float64Array(L + 1);
    best[0] = offset;
    const words = new Int32Array(L + 1);
    for (let end = 1; end <= L; end++) {
      const st = candStart[end], ids = candId[end];
      for (let c = 0; c < st.length; c++) {
        const id = ids[c];
        const score = (id < 0 ? 0 : scores[id]) + best[st[c]];
        // 0 means unset; ties go to the later candidate.
        if (best[end] === 0 || score >= best[end]) {
          best[end] = score;
          words[end] = id < 0 ? UNK_ID : id;
        }
      }
    }
    const from = out.length;
    for (let it = L; it > 0; ) {
      const id = words[it];
      out.push(id);
      it -= lengths[id]; // the piece's UTF-16 length (unk: vocab[0] is one unit long)
    }
    // Reverse in place: this piece's ids in text order.
    for (let a = from, b = out.length - 1; a < b; a++, b--) [out[a], out[b]] = [out[b], out[a]];
    return best[L];
  }

  function encodeHead(text: string, maxTokens: number): { ids: number[]; truncated: boolean } {
    const ids: number[] = [];
    let offset = 0, started = false, prevUnk = false;
    const piece: number[] = [];
    for (let start = 0; start < text.length; ) {
      const end = pieceEnd(text, start);
      let s = text.slice(start, end).normalize('NFKC').replace(/ /g, SEP);
      start = end;
      if (s.length === 0) continue;
      if (!started) s = SEP + s;
      started = true;
      piece.length = 0;
      offset = viterbi(s, offset, piece);
      // Runs of unk collapse into one, across pieces too.
      for (const id of piece) {
        if (!(prevUnk && id === UNK_ID)) ids.push(id);
        prevUnk = id === UNK_ID;
      }
      if (ids.length > maxTokens) return { ids: ids.slice(0, maxTokens), truncated: true };
    }
    return { ids, truncated: false };
  }

  return {
    encode: (text) => encodeHead(text, Infinity).ids,
    encodeHead,
    vocabSize: vocab.length,
  };
}
