// SentencePiece unigram tokenizer for Universal Sentence Encoder lite, exactly as the TF.js
// loaders do it (docs/models.md): NFKC, no lowercasing; '▁' + text with every U+0020 → '▁'; a trie over
// the vocabulary (ids 0–5 reserved, skipped); Viterbi over piece scores in UTF-16 code units;
// unknown single units become id 0, and runs of id 0 collapse into one. Pure TS, no Node APIs.

/** vocab.json: [piece, score] pairs; a null score counts as 0 (as `null + x` does in JS). */
export type Vocabulary = readonly (readonly [string, number | null])[];

export const RESERVED_PIECES = 6;
export const UNK_ID = 0;
const SEP = '\u2581';

interface TrieNode {
  next: Map<number, TrieNode>;
  /** Vocabulary id ending here, or −1. */
  id: number;
}

export interface TextTokenizer {
  /** Token ids of one text (not truncated). */
  encode(text: string): number[];
  readonly vocabSize: number;
}

/** The input transform of the JS loaders: NFKC, then '▁' prefix and spaces → '▁' when non-empty. */
export function normaliseForPieces(text: string): string {
  const n = text.normalize('NFKC');
  return n.length > 0 ? SEP + n.replace(/ /g, SEP) : n;
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

  function encode(text: string): number[] {
    const s = normaliseForPieces(text);
    const L = s.length;
    if (L === 0) return [];
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
    const words = new Int32Array(L + 1);
    for (let end = 0; end <= L; end++) {
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
    const out: number[] = [];
    for (let it = L; it > 0; ) {
      const id = words[it];
      out.push(id);
      it -= lengths[id]; // the piece's UTF-16 length (unk: vocab[0] is one unit long)
    }
    const merged: number[] = [];
    let prevUnk = false;
    for (let i = 0; i < out.length; i++) {
      const id = out[i];
      if (!(prevUnk && id === UNK_ID)) merged.push(id);
      prevUnk = id === UNK_ID;
    }
    return merged.reverse();
  }

  return { encode, vocabSize: vocab.length };
}
