/**
 * A 10,000-form glossary for the scaling measure: the real glossary plus generated forms shaped like real
 * ones (one to four words of medical-looking syllables, some case-sensitive abbreviations, some sharing a
 * first word with real forms, so that the matcher's trie gets both wider and deeper).
 */
import type { ContentForm, ContentGlossary } from '../../src/glossary/compiled-glossary';
import { compileTermTrie } from '../../src/matching/build-term-matcher';

const SYLLABLES = [
  'ab',
  'ci',
  'do',
  'fen',
  'gli',
  'hep',
  'ix',
  'lo',
  'mab',
  'ner',
  'o',
  'pla',
  'qui',
  'ra',
  'sto',
  'tin',
  'ul',
  'vas',
  'xo',
  'zeb',
  'ma',
  'ti',
  'cel',
  'lin',
  'ose',
  'ide',
  'ane',
];
const SHARED_FIRST_WORDS = [
  'immune',
  'cell',
  'plasma',
  'bone',
  'stem',
  'targeted',
  'multiple',
  'acute',
  'chronic',
  'T',
  'B',
  'natural',
];

/** The real glossary with generated forms added until it has `total` forms, its trie compiled as a build would. */
export function makeSyntheticGlossary(real: ContentGlossary, total: number): ContentGlossary {
  let state = 7;
  // mulberry32: a seeded generator with a long period (a plain LCG in doubles loses precision and cycles).
  const rnd = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const word = () => Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => pick(SYLLABLES)).join('');
  const forms: ContentForm[] = [...real.forms];
  const entries = { ...real.entries };
  const seen = new Set(forms.map((f) => f.text.toLowerCase()));
  for (let i = 0; forms.length < total; i++) {
    const entryId = `synthetic-${i}`;
    const roll = rnd();
    let text: string;
    let kind: ContentForm['kind'] = 'name';
    if (roll < 0.12) {
      text =
        Array.from({ length: 2 + Math.floor(rnd() * 3) }, () =>
          String.fromCharCode(65 + Math.floor(rnd() * 26)),
        ).join('') + (rnd() < 0.3 ? String(Math.floor(rnd() * 9)) : '');
      kind = 'abbreviation';
    } else if (roll < 0.4) {
      text = `${pick(SHARED_FIRST_WORDS)} ${word()}${rnd() < 0.5 ? ` ${word()}` : ''}`;
    } else {
      text = Array.from({ length: 1 + Math.floor(rnd() * 3) }, word).join(rnd() < 0.2 ? '-' : ' ');
    }
    if (seen.has(text.toLowerCase())) continue;
    seen.add(text.toLowerCase());
    forms.push({ text, entryId, kind, caseSensitive: kind === 'abbreviation', ambiguous: false });
    entries[entryId] = {
      id: entryId,
      name: text,
      category: 'clinical-concept',
      plain: '',
      expert: '',
      sources: [],
    };
  }
  return { entries, forms, sources: real.sources, trie: compileTermTrie(forms) };
}
