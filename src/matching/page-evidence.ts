import type { ContentForm } from '../glossary/compiled-glossary';
import type { TermMatch, TermMatcher } from './build-term-matcher';
import { classifyAbbreviationContext, isCountOrYearBefore } from './classify-abbreviation-context';
import { findAbbreviationDefinitions } from './find-abbreviation-definitions';
import { isAsciiLetterCode } from './fold-char-code';
import { isInDataToken } from './is-in-data-token';
import { isInWebAddress } from './is-in-web-address';
import { isJournalName } from './is-journal-name';
import { normalizeSurfaceForm } from './normalize-surface-form';

/** An abbreviation the page spells out as a glossary entry: "NDMM", multiple-myeloma, "newly diagnosed multiple myeloma". */
export interface DefinedAbbreviation {
  /** As the page first writes it in a definition. */
  shortForm: string;
  entryId: string;
  /** As the page spells it, white space made single spaces. */
  longForm: string;
}

/** Whether `text` is letters, digits and straight apostrophes of ASCII only: normalised as it is. */
function isPlainToken(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i) | 0x20;
    if (!((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || code === 0x27)) return false;
  }
  return true;
}

// Every abbreviation decided looks its short form up: most are plain ("MM"), and skip the patterns.
const key = (shortForm: string): string =>
  isPlainToken(shortForm) ? shortForm : normalizeSurfaceForm(shortForm, true);

const NO_ENTRIES: ReadonlySet<string> = new Set();

// A text that says it is about cancer in words the glossary does not list (a page on prostate cancer, a
// melanoma or a glioblastoma names none of the glossary's cancers). Not "tumor": "tumor necrosis factor" is a
// rheumatology page's word too.
const CANCER_WORDS = /cancer|oncolog|carcinoma|malignan|melanoma|sarcoma|glioma|blastoma|neoplas/i;
const CANCER_WORDS_EVERYWHERE = new RegExp(CANCER_WORDS.source, 'gi');
/** Characters between two places a text names a cancer for them to be more than one passing mention. */
const FAR_APART = 400;

/**
 * Whether a match ending in a letter on its own is cut from a hyphenated word: the "T" of "CAR T-shirts" is
 * the start of "T-shirts", not the end of the term (a longer form, "CAR T-cell", is matched whole).
 */
function endsInsideHyphenatedWord(text: string, start: number, end: number): boolean {
  if (end - start < 3 || (text[end] !== '-' && text[end] !== '\u2011')) return false;
  const next = text.charCodeAt(end + 1);
  return (
    isAsciiLetterCode(text.charCodeAt(end - 1)) &&
    !isAsciiLetterCode(text.charCodeAt(end - 2)) &&
    isAsciiLetterCode(next)
  );
}

/**
 * Whether a match is a word of the text, not of a web address written out, of a journal's name in a citation,
 * of a hyphenated word ("CAR T-shirts") or of data shown as text (a JSON blob).
 */
function isReadAsTerm(text: string, { start, end, form }: TermMatch): boolean {
  if (
    isInWebAddress(text, start, end) ||
    endsInsideHyphenatedWord(text, start, end) ||
    isInDataToken(text, start, end)
  )
    return false;
  return form.caseSensitive || !isJournalName(text, start, end);
}

/**
 * What one page says about its abbreviations, gathered from all of its text before any is annotated: which
 * entries it names by a long form, which abbreviations it defines (and as what). An ambiguous abbreviation
 * (MM, LEN, NK, AML…) is annotated only on a page that uses its entry's long form or defines it; a page's own
 * definition wins over the glossary ("pomalidomide (POM)" adds POM on that page; "anti-money laundering
 * (AML)" rules AML out there). An entry that other fields use in another sense ("relapse" after quitting
 * alcohol, allergy "immunotherapy", "first-line treatment" of high blood pressure) is annotated only on a page
 * about cancer: one that names a cancer-specific entry (a cancer, a cancer drug) or says "cancer".
 */
export class PageEvidence {
  private readonly longForms = new Set<string>();
  /** Short form (case kept) → entries the page defines it as; null: a meaning outside the glossary. */
  private readonly definitions = new Map<string, Set<string | null>>();
  /** Page-local abbreviations that are not glossary forms, e.g. POM → pomalidomide. */
  private readonly local = new Map<string, string>();
  /**
   * Short form (case kept) → the first long form the page gives it that names an entry, that entry, and the
   * short form as the page writes it; in the order the page defines them.
   */
  private readonly spelledOut = new Map<string, DefinedAbbreviation>();
  /** Entries of ambiguous abbreviations refused so far: evidence for one of them later means a rescan. */
  private readonly refused = new Set<string>();
  /** Whether the page names a cancer-specific entry (by a form without other meanings) or says "cancer". */
  private aboutCancer = false;
  /** The first text of the page's content found naming a cancer: a second one makes the page about cancer. */
  private firstTextNamingCancer: string | null = null;
  /** Whether an occurrence was refused for want of that: the page naming cancer later means a rescan. */
  private refusedOffTopic = false;

  constructor(
    private readonly matcher: TermMatcher,
    /** Entries whose naming shows a page is about cancer (ContentEntry.cancerSpecific). */
    private readonly cancerSpecific: ReadonlySet<string> = NO_ENTRIES,
    /** Entries annotated only on a page about cancer (ContentEntry.cancerPagesOnly). */
    private readonly cancerPagesOnly: ReadonlySet<string> = NO_ENTRIES,
  ) {}

  /**
   * Records what the page's title says of its topic: a title that says "cancer" or names a cancer-specific
   * entry makes a page about cancer (the title is the site's own word, unlike a sidebar's link).
   */
  noteTitle(title: string): void {
    if (this.aboutCancer || title.length === 0) return;
    this.aboutCancer = this.whereCancerIsNamed(title, this.matcher.findMatches(title)) !== null;
  }

  /**
   * Records the evidence in one text and its matches. Returns true when it changes a decision that may
   * already have been taken on text seen before (a new local abbreviation, a refused abbreviation now
   * supported): the caller should look at the page again. `inPageFurniture` tells whether the text lies in the
   * page's navigation, sidebar or footer, where a cancer named (a link to a charity's appeal on a sports page)
   * says nothing of what the page is about; `isPageHeading`, whether it is the page's main heading (an <h1>),
   * which speaks for the page as its title does. Both are asked only when the answer matters.
   */
  record(
    text: string,
    matches: readonly TermMatch[],
    inPageFurniture?: () => boolean,
    isPageHeading?: () => boolean,
  ): boolean {
    let changed = false;
    if (!this.aboutCancer && matches.length > 0 && text !== this.firstTextNamingCancer) {
      const named = this.whereCancerIsNamed(text, matches);
      if (named !== null && !inPageFurniture?.()) {
        // One passing mention (a chemistry page's salt "used in chemotherapy") does not make a page about
        // cancer; a second text naming one does, or one text naming it in places far apart (a whole document
        // in one text node). The same text read again is no second one. The page's heading names its topic.
        if (
          named.last - named.first >= FAR_APART ||
          this.firstTextNamingCancer !== null ||
          isPageHeading?.()
        ) {
          this.aboutCancer = true;
          this.firstTextNamingCancer = null;
          if (this.refusedOffTopic) changed = true;
        } else this.firstTextNamingCancer = text;
      }
    }
    for (const match of matches) {
      const { entryId, ambiguous, alsoNames } = match.form;
      if (ambiguous) continue;
      if (this.longForms.has(entryId) && !alsoNames?.some((named) => !this.longForms.has(named))) continue;
      // Not a form in a web address, a journal's name or a hyphenated word ("CAR T-shirts" is no long form of CAR).
      if (!isReadAsTerm(text, match)) continue;
      // "B-cell non-Hodgkin lymphoma" is a long form of non-Hodgkin lymphoma's too.
      for (const named of alsoNames ? [entryId, ...alsoNames] : [entryId]) {
        if (this.longForms.has(named)) continue;
        this.longForms.add(named);
        if (this.refused.has(named)) changed = true;
      }
    }
    if (matches.length === 0) return changed;
    const known = (shortForm: string) => this.matcher.caseSensitiveFormsSpelled(shortForm).length > 0;
    for (const definition of findAbbreviationDefinitions(text, matches, known)) {
      const { shortForm, longForm } = definition;
      const glossaryForms = this.matcher.caseSensitiveFormsSpelled(shortForm);
      const entryId = definition.entryId ?? this.entryBeginningWith(longForm, glossaryForms);
      if (entryId !== null && !this.spelledOut.has(key(shortForm)))
        this.spelledOut.set(key(shortForm), { shortForm, entryId, longForm });
      const spellings = glossaryForms.length > 0 ? glossaryForms.map((f) => key(f.text)) : [key(shortForm)];
      for (const spelling of spellings) {
        const meanings = this.definitions.get(spelling) ?? new Set();
        if (meanings.has(entryId)) continue;
        meanings.add(entryId);
        this.definitions.set(spelling, meanings);
        if (glossaryForms.some((f) => this.refused.has(f.entryId))) changed = true;
      }
      if (glossaryForms.length === 0 && entryId !== null && !this.local.has(key(shortForm))) {
        this.local.set(key(shortForm), entryId);
        changed = true;
      }
    }
    return changed;
  }

  /**
   * Where a text says "cancer" or names a cancer-specific entry where the reader reads it: the first and the
   * last such place, or null.
   */
  private whereCancerIsNamed(
    text: string,
    matches: readonly TermMatch[],
  ): { first: number; last: number } | null {
    let first = -1;
    let last = -1;
    const note = (at: number) => {
      first = first === -1 ? at : Math.min(first, at);
      last = Math.max(last, at);
    };
    if (CANCER_WORDS.test(text)) for (const word of text.matchAll(CANCER_WORDS_EVERYWHERE)) note(word.index);
    for (const match of matches) {
      // Named in the text the reader reads: "lymphoma-awareness" in a shop's web address is no such page.
      if (!match.form.ambiguous && this.cancerSpecific.has(match.form.entryId) && isReadAsTerm(text, match))
        note(match.start);
    }
    return first === -1 ? null : { first, last };
  }

  /**
   * The entry, among those of `forms`, one of whose forms begins with the words of `longForm`: "natural killer
   * (NK) cells" and "chimeric antigen receptor (CAR) T cells" define NK and CAR in the glossary's sense, though
   * "natural killer" alone is no glossary form. Null when none does ("North Korea (NK)").
   */
  private entryBeginningWith(longForm: string, forms: readonly ContentForm[]): string | null {
    const spelled = normalizeSurfaceForm(longForm, false);
    // "chimeric antigen receptors (CARs)": the singular of the last word too.
    const prefixes = [`${spelled} `, ...(spelled.endsWith('s') ? [`${spelled.slice(0, -1)} `] : [])];
    for (const { entryId } of forms) {
      for (const form of this.matcher.forms) {
        if (form.entryId !== entryId || form.caseSensitive || form.otherSense) continue;
        const text = `${normalizeSurfaceForm(form.text, false)} `;
        if (prefixes.some((prefix) => text.startsWith(prefix))) return entryId;
      }
    }
    return null;
  }

  /**
   * What the page says `shortForm` stands for, when it defines it as `entryId`: "acute lymphoblastic leukemia"
   * for ALL, though the entry is leukemia. Null when the page does not define it, or not as that entry.
   */
  spelledOutAs(shortForm: string, entryId: string): string | null {
    const spelled =
      this.spelledOut.get(key(shortForm)) ??
      // "chimeric antigen receptors (CARs)" spells out CAR too, and the other way round.
      this.spelledOut.get(key(shortForm.endsWith('s') ? shortForm.slice(0, -1) : `${shortForm}s`));
    return spelled?.entryId === entryId ? spelled.longForm : null;
  }

  /**
   * The abbreviations this page defines as glossary entries, in the order it first defines them; a plural
   * defined after its singular ("CARs" after "CAR"), or the other way round, is the same abbreviation.
   */
  definedAbbreviations(): DefinedAbbreviation[] {
    const listed = new Set<string>();
    const defined: DefinedAbbreviation[] = [];
    for (const [spelling, definition] of this.spelledOut) {
      const singular = spelling.endsWith('s') ? spelling.slice(0, -1) : spelling;
      if (listed.has(`${singular}\n${definition.entryId}`)) continue;
      listed.add(`${singular}\n${definition.entryId}`);
      defined.push(definition);
    }
    return defined;
  }

  /** Abbreviations this page defines that the glossary does not have, as forms to look for on this page. */
  localForms(): ContentForm[] {
    return [...this.local].map(([text, entryId]) => ({
      text,
      entryId,
      kind: 'abbreviation',
      caseSensitive: true,
      ambiguous: false,
    }));
  }

  /**
   * The entry to annotate for a match in `text`, or null when the page gives it another meaning: a word of a
   * web address written out in the text, a journal's name in a citation ("Leukemia 23 (2): 215"), author
   * initials, a date placeholder, an ambiguous abbreviation without its long form or definition on the page, a
   * term other fields use in another sense on a page that is not about cancer.
   */
  resolve(text: string, match: TermMatch): string | null {
    const entryId = this.meaningOf(text, match);
    // An abbreviation the page defines waits for a page about cancer like its entry's words: "hormone therapy
    // (HRT)" on a menopause page.
    if (entryId !== null && !this.aboutCancer && this.cancerPagesOnly.has(entryId)) {
      this.refusedOffTopic = true;
      return null;
    }
    return entryId;
  }

  /** The entry a match stands for on this page, before the page's topic is asked. */
  private meaningOf(text: string, match: TermMatch): string | null {
    const { form } = match;
    // Here rather than in the matcher's scan, which sees every character of the page: only the occurrences
    // decided pay for it, and on a long page most wait until the reader nears them.
    if (!isReadAsTerm(text, match)) return null;
    if (form.caseSensitive) {
      const meanings = this.definitions.get(key(form.text));
      const role = classifyAbbreviationContext(text, match.start, match.end, form.ambiguous);
      // After a number, letters may be counted or dated rather than measured ("120 MM patients", "in 2020
      // MM"): then the page's evidence decides, as anywhere else.
      if (role !== null && !(role === 'unit' && isCountOrYearBefore(text, match.start, match.end)))
        return null;
      if (meanings) {
        if (meanings.has(form.entryId)) return form.entryId;
        for (const meaning of meanings) if (meaning !== null) return meaning;
        return null;
      }
    }
    if (form.ambiguous && !this.longForms.has(form.entryId)) {
      this.refused.add(form.entryId);
      return null;
    }
    // A cancer's or a cancer drug's long form named once on a page about something else (a hockey story's
    // "survivor of non-Hodgkin lymphoma") does not make its abbreviation the page's (the NHL): the page must be
    // about cancer, or define the abbreviation.
    if (form.ambiguous && !this.aboutCancer && this.cancerSpecific.has(form.entryId)) {
      this.refusedOffTopic = true;
      return null;
    }
    return form.entryId;
  }
}
