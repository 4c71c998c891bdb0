/**
 * Article-like HTML pages for the benchmark, generated from a seed: headings, paragraphs with inline
 * markup and links, lists, a table, a reference list with author initials, a footer with a date placeholder.
 * Terms come from the glossary's own forms at a realistic density (about one term every 20 words); the
 * "no terms" page uses filler text only, checked against the matcher so that it really has none.
 */
import type { ContentGlossary } from '../../src/glossary/compiled-glossary';
import { buildTermMatcher } from '../../src/matching/build-term-matcher';
import { seededRandom } from '../harness/seeded-random';

const SUBJECTS = [
  'The study team',
  'Researchers at the regional hospital',
  'This review',
  'The authors',
  'Participants in the cohort',
  'The steering committee',
  'Each participating centre',
  'The analysis',
  'Nurses on the ward',
  'The working group',
  'Several observers',
  'The survey',
  'Family members',
  'The coordinating office',
  'Most respondents',
];
const VERBS = [
  'reported',
  'described',
  'compared',
  'measured',
  'recorded',
  'discussed',
  'examined',
  'summarised',
  'noted',
  'followed',
  'collected',
  'reviewed',
  'documented',
  'estimated',
  'tabulated',
];
const OBJECTS = [
  'the number of clinic visits',
  'changes in daily activity',
  'the time between appointments',
  'travel distances',
  'questionnaire scores',
  'sleep quality over several months',
  'the cost of transport',
  'waiting times',
  'the results of routine blood counts',
  'appetite and body weight',
  'the burden on carers',
  'reading habits',
  'the use of home support',
  'the order of study visits',
  'measurements taken in the morning',
];
const TAILS = [
  'over a period of two years',
  'in three separate regions',
  'with the help of local volunteers',
  'using a standard form',
  'before and after each visit',
  'in a small pilot group',
  'across all age groups',
  'according to the protocol',
  'at every follow-up',
  'in both urban and rural areas',
  'with few missing values',
  'during the winter months',
  'in the second phase',
  'for every participant',
  'without major delays',
];
const TERM_TEMPLATES = [
  'Among the options discussed, {T} was described in detail {tail}.',
  'The section on {T} explains how it relates to {U}.',
  '{Subject} {verb} what is known about {T} {tail}.',
  'Readers often ask how {T} differs from {U}.',
  'In this context, {T} and {U} are mentioned together {tail}.',
  'A short note on {T} follows {tail}.',
];
const JOURNALS = ['Clin Stud', 'J Health Res', 'Ann Med Rev', 'Int Rep Sci', 'Med Prog'];
const SURNAMES = [
  'Smith',
  'Jones',
  'Kumar',
  'Garcia',
  'Nakamura',
  'Rossi',
  'Dubois',
  'Novak',
  'Larsen',
  'Okafor',
  'Silva',
];
const INITIALS = ['AB', 'MM', 'SV', 'JK', 'R', 'LT', 'MCL', 'NK', 'S', 'PD'];

export interface ArticleOptions {
  targetBytes: number;
  withTerms: boolean;
  seed: number;
  glossary: ContentGlossary;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Generates one article page of about `targetBytes` bytes of HTML. */
export function generateArticle({ targetBytes, withTerms, seed, glossary }: ArticleOptions): string {
  const rnd = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const matcher = buildTermMatcher(glossary.forms);
  const plainForms = glossary.forms.filter((f) => !f.ambiguous);
  const definitions = glossary.forms
    .filter((f) => f.ambiguous)
    .map((abbreviation) => {
      const long = glossary.forms.find(
        (f) => f.entryId === abbreviation.entryId && !f.ambiguous && f.kind !== 'abbreviation',
      );
      return long ? `${long.text} (${abbreviation.text})` : null;
    })
    .filter((d): d is string => d !== null);

  const fillerSentence = (): string => {
    for (;;) {
      const sentence = `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)} ${pick(TAILS)}.`;
      if (matcher.findMatches(sentence).length === 0) return sentence;
    }
  };
  const term = (): string => {
    const form = pick(plainForms).text;
    const roll = rnd();
    // Some terms carry inline markup, some are split across it ("<i>CAR</i> T-cell therapy").
    if (roll < 0.08) return `<i>${escapeHtml(form)}</i>`;
    if (roll < 0.12) return `<a href="#ref-${Math.floor(rnd() * 50)}">${escapeHtml(form)}</a>`;
    if (roll < 0.15 && form.includes(' ')) {
      const cut = form.indexOf(' ');
      return `<b>${escapeHtml(form.slice(0, cut))}</b>${escapeHtml(form.slice(cut))}`;
    }
    return escapeHtml(form);
  };
  const termSentence = (): string =>
    pick(TERM_TEMPLATES)
      .replace('{T}', term())
      .replace('{U}', term())
      .replace('{Subject}', pick(SUBJECTS))
      .replace('{verb}', pick(VERBS))
      .replace('{tail}', pick(TAILS));
  const sentence = (): string => (withTerms && rnd() < 0.33 ? termSentence() : escapeHtml(fillerSentence()));
  const paragraph = (): string => {
    const count = 3 + Math.floor(rnd() * 5);
    const parts: string[] = [];
    for (let i = 0; i < count; i++) parts.push(sentence());
    if (withTerms && rnd() < 0.15) parts.push(`The text also uses ${escapeHtml(pick(definitions))} once.`);
    return `<p>${parts.join(' ')}</p>`;
  };
  const list = (): string => {
    const items = Array.from({ length: 3 + Math.floor(rnd() * 4) }, () => `<li>${sentence()}</li>`);
    return `<ul>${items.join('')}</ul>`;
  };
  const table = (): string => {
    const rows = Array.from(
      { length: 4 },
      (_, i) =>
        `<tr><td>Group ${i + 1}</td><td>${withTerms ? term() : 'routine care'}</td><td>${Math.floor(rnd() * 90)}</td></tr>`,
    );
    return `<table><thead><tr><th>Group</th><th>Approach</th><th>Visits</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
  };
  // Author initials that are also abbreviations (MM, NK, MCL) are what the annotator must leave alone; a page
  // with no terms has none of them.
  const initials = withTerms ? INITIALS : INITIALS.filter((i) => matcher.findMatches(i).length === 0);
  const reference = (i: number): string => {
    const authors = Array.from(
      { length: 2 + Math.floor(rnd() * 3) },
      () => `${pick(SURNAMES)} ${pick(initials)}`,
    ).join(', ');
    return `<li id="ref-${i}">${authors}, et al.: ${escapeHtml(fillerSentence())} ${pick(JOURNALS)} ${2000 + Math.floor(rnd() * 24)};${Math.floor(rnd() * 40)}:${Math.floor(rnd() * 900)}.</li>`;
  };

  const head = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Benchmark article ${seed}</title>
<style>body{font:16px/1.5 Georgia,serif;max-width:760px;margin:0 auto;padding:0 16px}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px}</style></head>
<body><header><nav><a href="#a">Home</a> · <a href="#b">Topics</a> · <a href="#c">About</a></nav></header><main><article><h1>Generated article ${seed}</h1>`;
  const date = withTerms ? 'MM/DD/YYYY' : 'the first of the month';
  const tail = `</article></main><footer><p>Last reviewed: ${date}. Generated for the benchmark.</p></footer></body></html>`;
  const body: string[] = [];
  let bytes = head.length + tail.length;
  let section = 0;
  while (bytes < targetBytes * 0.9) {
    const parts = [`<section><h2>Section ${++section}</h2>`];
    const count = 3 + Math.floor(rnd() * 4);
    for (let i = 0; i < count; i++) parts.push(paragraph());
    if (rnd() < 0.3) parts.push(list());
    if (rnd() < 0.1) parts.push(table());
    parts.push('</section>');
    const html = parts.join('\n');
    body.push(html);
    bytes += html.length + 1;
  }
  const references = ['<section><h2>References</h2><ol>'];
  for (let i = 0; bytes < targetBytes; i++) {
    const item = reference(i);
    references.push(item);
    bytes += item.length;
  }
  references.push('</ol></section>');
  return [head, ...body, ...references, tail].join('\n');
}

/** A long plain-text corpus page (Markdown-like) as simple HTML: headings, paragraphs and list items. */
export function corpusToHtml(text: string, title: string): string {
  const blocks = text.split(/\n\s*\n/);
  const html = blocks.map((block) => {
    const trimmed = block.trim();
    if (!trimmed) return '';
    const heading = /^(#{1,6})\s+(.*)$/s.exec(trimmed);
    if (heading) return `<h${heading[1]!.length}>${escapeHtml(heading[2]!)}</h${heading[1]!.length}>`;
    if (/^[-*]\s/m.test(trimmed)) {
      const items = trimmed
        .split(/\n(?=[-*]\s)/)
        .map((item) => `<li>${escapeHtml(item.replace(/^[-*]\s+/, ''))}</li>`);
      return `<ul>${items.join('')}</ul>`;
    }
    return `<p>${escapeHtml(trimmed)}</p>`;
  });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><main>${html.join('\n')}</main></body></html>`;
}

/**
 * The same article as one text node, as a plain-text document shown in a `white-space: pre-wrap` block: its
 * blocks become blank lines and its inline markup goes. One run of text, however long the page.
 */
export function asOneTextNode(articleHtml: string, title: string): string {
  const body = /<body>([\s\S]*)<\/body>/.exec(articleHtml)?.[1] ?? '';
  const text = body
    .replace(/<\/(?:p|li|h\d|section|header|footer|nav|ol|ul|article|main)>/g, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><main><div style="white-space: pre-wrap">${text}</div></main></body></html>`;
}
