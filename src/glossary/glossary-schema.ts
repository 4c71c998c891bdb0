/**
 * The one definition of the glossary format: `glossary/sources.yaml` and `glossary/entries/<id>.yaml`.
 * TypeScript types are inferred from these schemas. Objects are strict (unknown fields are rejected).
 * Cross-file rules (ids match file names, forms unique across entries, related and source ids exist,
 * locators are headings of their source) are checked in `compile-glossary.ts`.
 */
import { z } from 'zod';
import { normalizeSurfaceForm } from '../matching/normalize-surface-form';
import { measureText } from './measure-text';

// ---------------------------------------------------------------------------------------------
// Limits
// ---------------------------------------------------------------------------------------------

/** Most words a plain (lay) definition may have. */
export const PLAIN_MAX_WORDS = 30;
/** Fewest and most sentences of an expert note. */
export const EXPERT_MIN_SENTENCES = 1;
export const EXPERT_MAX_SENTENCES = 3;
/** Most words of an expert note (three sentences of reasonable length). */
export const EXPERT_MAX_WORDS = 90;
/** Most paragraphs of a full entry ("a few short paragraphs"), separated by blank lines. */
export const FULL_MAX_PARAGRAPHS = 5;
/** Most words in one paragraph of a full entry. */
export const FULL_MAX_PARAGRAPH_WORDS = 120;

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const wordCount = (text: string): number => measureText(text).words.length;
const sentenceCount = (text: string): number => measureText(text).sentences.length;
const paragraphs = (text: string): string[] => measureText(text).paragraphs;

function termTokens(text: string): string[] {
  return normalizeSurfaceForm(text, false)
    .split(/[^\p{L}\p{N}']+/u)
    .filter((t) => t.length > 0);
}

function sameOrInflected(word: string, base: string): boolean {
  if (word === base) return true;
  const variants = [
    `${base}s`,
    `${base}es`,
    `${base}'s`,
    base.replace(/y$/u, 'ies'),
    base.replace(/s$/u, ''),
  ];
  return variants.includes(word) || `${word}s` === base;
}

/**
 * Whether `text` opens by repeating `term` (ignoring a leading "a", "an" or "the", case, separators
 * and a plural ending), e.g. "T cells are..." for the term "T cell".
 */
function startsWithTerm(text: string, term: string): boolean {
  const words = termTokens(text);
  if (words.length > 0 && ['a', 'an', 'the'].includes(words[0]!)) words.shift();
  const termWords = termTokens(term);
  if (termWords.length === 0 || words.length < termWords.length) return false;
  return termWords.every((t, i) =>
    i === termWords.length - 1 ? sameOrInflected(words[i]!, t) : words[i] === t,
  );
}

// ---------------------------------------------------------------------------------------------
// Enumerations
// ---------------------------------------------------------------------------------------------

export const ENTRY_CATEGORIES = [
  'drug',
  'drug-class',
  'disease',
  'cell-or-tissue',
  'molecule',
  'biological-process',
  'treatment',
  'clinical-concept',
] as const;
export const FORM_KINDS = ['name', 'synonym', 'abbreviation', 'variant', 'brand', 'code'] as const;
export const TRUST_LEVELS = ['high', 'medium', 'low'] as const;
export const SOURCE_KINDS = ['peer-reviewed-review', 'general-audience-article', 'commercial-blog'] as const;

export const entryCategorySchema = z.enum(ENTRY_CATEGORIES);
export const formKindSchema = z.enum(FORM_KINDS);
export const trustLevelSchema = z.enum(TRUST_LEVELS);
export const sourceKindSchema = z.enum(SOURCE_KINDS);

// ---------------------------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------------------------

/** Stable kebab-case id: lowercase letters and digits in groups joined by single hyphens. */
export const slugSchema = z
  .string()
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/u,
    'must be kebab-case: lowercase letters and digits joined by single hyphens',
  );

/** A non-empty, single-line string without leading or trailing whitespace. */
const lineSchema = z
  .string()
  .min(1, 'must not be empty')
  .refine((s) => s === s.trim(), 'must not start or end with whitespace')
  .refine((s) => !/[\r\n]/u.test(s), 'must be a single line');

/** Plain definition for lay readers: one line, at most PLAIN_MAX_WORDS words, ends like a sentence. */
const plainSchema = lineSchema
  .refine((s) => wordCount(s) <= PLAIN_MAX_WORDS, {
    error: (iss) =>
      `plain definition has ${wordCount(String(iss.input))} words; the limit is ${PLAIN_MAX_WORDS}`,
  })
  .refine((s) => /[.!?]$/u.test(s), 'plain definition must end with a full stop');

/** Expert note: 1-3 sentences, at most EXPERT_MAX_WORDS words, one paragraph. */
const expertSchema = z
  .string()
  .transform((s) => s.trim())
  .pipe(
    z
      .string()
      .min(1, 'must not be empty')
      .refine((s) => paragraphs(s).length <= 1, 'expert note must be a single paragraph')
      .refine(
        (s) => {
          const n = sentenceCount(s);
          return n >= EXPERT_MIN_SENTENCES && n <= EXPERT_MAX_SENTENCES;
        },
        {
          error: (iss) =>
            `expert note has ${sentenceCount(String(iss.input))} sentences; it must have ${EXPERT_MIN_SENTENCES} to ${EXPERT_MAX_SENTENCES}`,
        },
      )
      .refine((s) => wordCount(s) <= EXPERT_MAX_WORDS, {
        error: (iss) =>
          `expert note has ${wordCount(String(iss.input))} words; the limit is ${EXPERT_MAX_WORDS}`,
      })
      .refine((s) => /[.!?]$/u.test(s), 'expert note must end with a full stop'),
  );

/** Full entry: a few short paragraphs separated by blank lines. Trailing whitespace is trimmed. */
const fullSchema = z
  .string()
  .transform((s) => s.trim())
  .pipe(
    z
      .string()
      .min(1, 'must not be empty')
      .refine((s) => paragraphs(s).length <= FULL_MAX_PARAGRAPHS, {
        error: (iss) =>
          `full entry has ${paragraphs(String(iss.input)).length} paragraphs; the limit is ${FULL_MAX_PARAGRAPHS}`,
      })
      .refine((s) => paragraphs(s).every((p) => wordCount(p) <= FULL_MAX_PARAGRAPH_WORDS), {
        error: (iss) => {
          const longest = Math.max(...paragraphs(String(iss.input)).map(wordCount));
          return `full entry has a paragraph of ${longest} words; the limit is ${FULL_MAX_PARAGRAPH_WORDS} per paragraph`;
        },
      }),
  );

// ---------------------------------------------------------------------------------------------
// Sources
// ---------------------------------------------------------------------------------------------

export const sourceIdentifiersSchema = z.strictObject({
  pmc: z
    .string()
    .regex(/^PMC\d+$/u, 'must look like PMC1234567')
    .optional(),
  pubmed: z.string().regex(/^\d+$/u, 'must be the PubMed number (digits only)').optional(),
  doi: z
    .string()
    .regex(/^10\.\d{4,9}\/\S+$/u, 'must be a bare DOI starting with "10."')
    .optional(),
});

export const glossarySourceSchema = z.strictObject({
  id: slugSchema,
  title: lineSchema,
  /** Short label shown in tooltips. */
  shortTitle: lineSchema.refine((s) => s.length <= 48, 'shortTitle must be at most 48 characters'),
  kind: sourceKindSchema,
  year: z.number().int().min(1900).max(2100).optional(),
  publisher: lineSchema.optional(),
  journal: lineSchema.optional(),
  identifiers: sourceIdentifiersSchema.optional(),
  trust: trustLevelSchema,
  /** One short sentence shown to readers: why this trust level. */
  trustNote: lineSchema.refine((s) => sentenceCount(s) === 1, 'trustNote must be one sentence'),
  /** File name of the captured document in shared/seeds, for provenance. */
  seedFile: lineSchema.refine((s) => !/[\\/]/u.test(s), 'seedFile is a bare file name'),
  /** Headings as they stand, verbatim, in the document: the allowed locators. */
  headings: z.array(lineSchema).min(1, 'a source needs at least one heading to serve as locator'),
});

export const sourcesFileSchema = z.strictObject({
  sources: z.array(glossarySourceSchema).min(1, 'at least one source is required'),
});

// ---------------------------------------------------------------------------------------------
// Entries
// ---------------------------------------------------------------------------------------------

/**
 * A text a page may use for the entry. `caseSensitive` defaults to true for abbreviations and to
 * false otherwise; `ambiguous` (the letters have common other meanings) defaults to false.
 */
export const surfaceFormSchema = z
  .strictObject({
    text: lineSchema.refine(
      (s) => normalizeSurfaceForm(s, false).length > 0,
      'must contain letters or digits',
    ),
    kind: formKindSchema,
    caseSensitive: z.boolean().optional(),
    ambiguous: z.boolean().optional(),
  })
  .transform((f) => ({
    text: f.text,
    kind: f.kind,
    caseSensitive: f.caseSensitive ?? f.kind === 'abbreviation',
    ambiguous: f.ambiguous ?? false,
  }));

export const sourceCitationSchema = z.strictObject({
  /** Id of a source in `glossary/sources.yaml`. */
  source: slugSchema,
  /** One of that source's headings, verbatim. */
  locator: lineSchema,
});

export const glossaryEntrySchema = z
  .strictObject({
    id: slugSchema,
    name: lineSchema,
    category: entryCategorySchema,
    /**
     * The term is used about cancer and little else (a cancer, a cancer drug, chemotherapy): a page that names it
     * is about cancer, which is what a cancerPagesOnly entry waits for.
     */
    cancerSpecific: z.boolean().default(false),
    /**
     * Other fields use the term in another sense ("relapse" in addiction, "immunotherapy" for allergies, "first-line
     * treatment" of high blood pressure) while the entry defines it for cancer: annotated only on pages about cancer.
     */
    cancerPagesOnly: z.boolean().default(false),
    forms: z.array(surfaceFormSchema).min(1, 'an entry needs at least one surface form'),
    /**
     * Phrases that hold one of the entry's forms in another sense, never annotated: "inflammatory breast cancer"
     * is a cancer named for how it looks, not inflammation. Matched like forms, so the longer phrase wins.
     */
    otherSenses: z.array(lineSchema).default([]),
    plain: plainSchema,
    expert: expertSchema,
    full: fullSchema,
    related: z.array(slugSchema).default([]),
    sources: z.array(sourceCitationSchema).min(1, 'an entry must cite at least one source'),
  })
  .superRefine((entry, ctx) => {
    // A phrase without one of the entry's forms in it would take nothing away from the entry.
    const padded = entry.forms.map((f) => ` ${normalizeSurfaceForm(f.text, false)} `);
    entry.otherSenses.forEach((phrase, index) => {
      const words = ` ${normalizeSurfaceForm(phrase, false)} `;
      if (!padded.some((form) => words.includes(form) && words !== form)) {
        ctx.addIssue({
          code: 'custom',
          path: ['otherSenses', index],
          message: `"${phrase}" must hold one of the entry's forms and more words`,
        });
      }
    });
    if (entry.cancerSpecific && entry.cancerPagesOnly) {
      ctx.addIssue({
        code: 'custom',
        path: ['cancerPagesOnly'],
        message: 'an entry that shows a page is about cancer (cancerSpecific) cannot also wait for one',
      });
    }
  })
  .superRefine(
    (entry, ctx) => {
      const terms = [entry.name, ...entry.forms.map((f) => f.text)];
      const repeated = terms.find((t) => startsWithTerm(entry.plain, t));
      if (repeated !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['plain'],
          message: `plain definition must not start by repeating the term ("${repeated}")`,
        });
      }
    },
    {
      // Run even when other fields of the entry are invalid, as long as the ones used here are usable.
      when: (payload) => {
        const v = payload.value as Record<string, unknown> | null;
        return (
          typeof v === 'object' &&
          v !== null &&
          typeof v.name === 'string' &&
          typeof v.plain === 'string' &&
          Array.isArray(v.forms) &&
          v.forms.every((f: unknown) => typeof (f as { text?: unknown } | null)?.text === 'string')
        );
      },
    },
  );

// ---------------------------------------------------------------------------------------------
// Inferred types
// ---------------------------------------------------------------------------------------------

export type EntryCategory = z.infer<typeof entryCategorySchema>;
export type FormKind = z.infer<typeof formKindSchema>;
export type TrustLevel = z.infer<typeof trustLevelSchema>;
export type SourceKind = z.infer<typeof sourceKindSchema>;
export type SourceIdentifiers = z.infer<typeof sourceIdentifiersSchema>;
export type GlossarySource = z.infer<typeof glossarySourceSchema>;
export type SourcesFile = z.infer<typeof sourcesFileSchema>;
export type SurfaceForm = z.infer<typeof surfaceFormSchema>;
export type SourceCitation = z.infer<typeof sourceCitationSchema>;
export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;
/** An entry as written in YAML, before defaults are filled in. */
export type GlossaryEntryInput = z.input<typeof glossaryEntrySchema>;
