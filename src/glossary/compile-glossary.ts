/**
 * Compiles the glossary files (`glossary/sources.yaml`, `glossary/entries/<id>.yaml`) into the runtime
 * data: compact `ContentGlossary` for the content script and `FullGlossary` for the popup.
 *
 * Pure: it takes file paths and texts and never touches the file system. Every problem found is
 * collected and reported together in one `GlossaryError`; nothing invalid is silently dropped.
 */
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { withoutDoseFigures } from './without-dose-figures';
import { addNamesInside } from './add-names-inside';
import { normalizeSurfaceForm } from '../matching/normalize-surface-form';
import { compileTermTrie } from '../matching/build-term-matcher';
import type {
  ContentCitation,
  ContentEntry,
  ContentForm,
  ContentGlossary,
  ContentSource,
  FullGlossary,
} from './compiled-glossary';
import { GlossaryError, type GlossaryProblem } from './glossary-error';
import {
  glossaryEntrySchema,
  sourcesFileSchema,
  type GlossaryEntry,
  type GlossarySource,
} from './glossary-schema';

export interface GlossaryInputFile {
  /** Repository-relative path with forward slashes, e.g. `glossary/entries/lenalidomide.yaml`. */
  path: string;
  text: string;
}

export interface CompileGlossaryInput {
  sourcesFile: GlossaryInputFile;
  entryFiles: GlossaryInputFile[];
}

export interface CompiledGlossary {
  content: ContentGlossary;
  full: FullGlossary;
}

/** Entry files must be named `<id>.yaml`. */
export const ENTRY_FILE_EXTENSION = '.yaml';

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

type Problems = GlossaryProblem[];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function baseName(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? path : path.slice(slash + 1);
}

/** `['forms', 2, 'text']` → `forms[2].text`. */
export function formatFieldPath(path: readonly PropertyKey[]): string | undefined {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out === '' ? undefined : out;
}

/** Parses one YAML file; on syntax errors records them and returns `ok: false`. */
function parseYaml(
  file: GlossaryInputFile,
  problems: Problems,
  entry: string | undefined,
): { ok: true; data: unknown } | { ok: false } {
  const doc = parseDocument(file.text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const firstLine = (error.message.split('\n')[0] ?? '').replace(/:\s*$/u, '');
      problems.push({
        file: file.path,
        ...(entry !== undefined && { entry }),
        message: `YAML syntax error: ${firstLine}`,
      });
    }
    return { ok: false };
  }
  try {
    const data: unknown = doc.toJS();
    if (data === null || data === undefined) {
      problems.push({ file: file.path, ...(entry !== undefined && { entry }), message: 'the file is empty' });
      return { ok: false };
    }
    return { ok: true, data };
  } catch (error) {
    problems.push({
      file: file.path,
      ...(entry !== undefined && { entry }),
      message: `YAML error: ${error instanceof Error ? error.message : String(error)}`,
    });
    return { ok: false };
  }
}

/** Zod messages: say "missing required field" rather than "expected string, received undefined". */
const errorMap: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'missing required field';
  return undefined;
};

/** Turns zod issues into problems; `locate` maps an issue path to (entry, field). */
function pushZodIssues(
  issues: readonly z.core.$ZodIssue[],
  file: string,
  problems: Problems,
  locate: (path: readonly PropertyKey[]) => { entry?: string; subject?: 'entry' | 'source'; field?: string },
): void {
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const where = locate([...issue.path, key]);
        problems.push({ file, ...where, message: `unknown field "${key}"` });
      }
    } else {
      const where = locate(issue.path);
      problems.push({ file, ...where, message: issue.message });
    }
  }
}

/** Whether two surface forms would match the same page text. */
function formsCollide(
  a: { text: string; caseSensitive: boolean },
  b: { text: string; caseSensitive: boolean },
): boolean {
  if (normalizeSurfaceForm(a.text, false) !== normalizeSurfaceForm(b.text, false)) return false;
  if (a.caseSensitive && b.caseSensitive) {
    return normalizeSurfaceForm(a.text, true) === normalizeSurfaceForm(b.text, true);
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Lenient views: used for cross-checks even when a file fails validation, so one mistake does not
// hide (or cascade into) others.
// ---------------------------------------------------------------------------------------------

interface LenientSource {
  id: string;
  headings: Set<string>;
}

interface LenientEntry {
  file: string;
  id: string;
  forms: { index: number; text: string; caseSensitive: boolean }[];
  otherSenses: { index: number; text: string }[];
  related: { index: number; id: string }[];
  citations: { index: number; source: string; locator: string }[];
}

function lenientEntry(
  file: string,
  id: string,
  raw: unknown,
  parsed: GlossaryEntry | undefined,
): LenientEntry {
  if (parsed !== undefined) {
    return {
      file,
      id,
      forms: parsed.forms.map((f, index) => ({ index, text: f.text, caseSensitive: f.caseSensitive })),
      otherSenses: parsed.otherSenses.map((text, index) => ({ index, text })),
      related: parsed.related.map((r, index) => ({ index, id: r })),
      citations: parsed.sources.map((c, index) => ({ index, source: c.source, locator: c.locator })),
    };
  }
  const record = isRecord(raw) ? raw : {};
  const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
  return {
    file,
    id,
    forms: list(record.forms).flatMap((f, index) =>
      isRecord(f) && typeof f.text === 'string'
        ? [
            {
              index,
              text: f.text,
              caseSensitive:
                typeof f.caseSensitive === 'boolean' ? f.caseSensitive : f.kind === 'abbreviation',
            },
          ]
        : [],
    ),
    otherSenses: list(record.otherSenses).flatMap((text, index) =>
      typeof text === 'string' ? [{ index, text }] : [],
    ),
    related: list(record.related).flatMap((r, index) => (typeof r === 'string' ? [{ index, id: r }] : [])),
    citations: list(record.sources).flatMap((c, index) =>
      isRecord(c) && typeof c.source === 'string' && typeof c.locator === 'string'
        ? [{ index, source: c.source, locator: c.locator }]
        : [],
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// Sources file
// ---------------------------------------------------------------------------------------------

function checkSources(
  file: GlossaryInputFile,
  problems: Problems,
): { sources: GlossarySource[] | undefined; lenient: Map<string, LenientSource> } {
  const lenient = new Map<string, LenientSource>();
  const parsedYaml = parseYaml(file, problems, undefined);
  if (!parsedYaml.ok) return { sources: undefined, lenient };
  const raw = parsedYaml.data;

  const rawSources = isRecord(raw) && Array.isArray(raw.sources) ? raw.sources : [];
  const rawIdAt = (index: unknown): string | undefined => {
    if (typeof index !== 'number') return undefined;
    const s: unknown = rawSources[index];
    return isRecord(s) && typeof s.id === 'string' ? s.id : `#${index + 1}`;
  };

  const result = sourcesFileSchema.safeParse(raw, { error: errorMap });
  if (!result.success) {
    pushZodIssues(result.error.issues, file.path, problems, (path) => {
      if (path[0] === 'sources' && typeof path[1] === 'number') {
        const field = formatFieldPath(path.slice(2));
        return { entry: rawIdAt(path[1]), subject: 'source', ...(field !== undefined && { field }) };
      }
      const field = formatFieldPath(path);
      return field !== undefined ? { field } : {};
    });
  }

  // Cross-checks inside the sources file, on whatever is usable.
  const seenIds = new Map<string, number>();
  const seenSeeds = new Map<string, string>();
  rawSources.forEach((s, index) => {
    if (!isRecord(s) || typeof s.id !== 'string') return;
    const id = s.id;
    const previous = seenIds.get(id);
    if (previous !== undefined) {
      problems.push({
        file: file.path,
        entry: id,
        subject: 'source',
        field: 'id',
        message: `duplicate source id "${id}" (also sources[${previous}])`,
      });
    } else {
      seenIds.set(id, index);
    }
    if (typeof s.seedFile === 'string') {
      const other = seenSeeds.get(s.seedFile);
      if (other !== undefined && other !== id) {
        problems.push({
          file: file.path,
          entry: id,
          subject: 'source',
          field: 'seedFile',
          message: `seed file "${s.seedFile}" is also described by source "${other}"`,
        });
      } else {
        seenSeeds.set(s.seedFile, id);
      }
    }
    const headings = Array.isArray(s.headings)
      ? s.headings.filter((h): h is string => typeof h === 'string')
      : [];
    const seenHeadings = new Set<string>();
    headings.forEach((h, hIndex) => {
      if (seenHeadings.has(h)) {
        problems.push({
          file: file.path,
          entry: id,
          subject: 'source',
          field: `headings[${hIndex}]`,
          message: `heading "${h}" is listed twice`,
        });
      }
      seenHeadings.add(h);
    });
    if (!lenient.has(id)) lenient.set(id, { id, headings: seenHeadings });
  });

  return { sources: result.success ? result.data.sources : undefined, lenient };
}

// ---------------------------------------------------------------------------------------------
// Compile
// ---------------------------------------------------------------------------------------------

/**
 * Parses, validates and cross-checks the glossary files and returns the compact content data and the
 * full data. Throws one `GlossaryError` listing every problem found (file, entry, field, message).
 */
export function compileGlossary(input: CompileGlossaryInput): CompiledGlossary {
  const problems: Problems = [];
  const { sources, lenient: knownSources } = checkSources(input.sourcesFile, problems);

  const entryFiles = [...input.entryFiles].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const parsedEntries: GlossaryEntry[] = [];
  const lenientEntries: LenientEntry[] = [];
  let allEntriesValid = true;

  for (const file of entryFiles) {
    const name = baseName(file.path);
    if (!name.endsWith(ENTRY_FILE_EXTENSION)) {
      problems.push({
        file: file.path,
        message: `entry files must be named <id>${ENTRY_FILE_EXTENSION}; this file is not read as an entry`,
      });
      allEntriesValid = false;
      continue;
    }
    const fileId = name.slice(0, -ENTRY_FILE_EXTENSION.length);
    const parsedYaml = parseYaml(file, problems, fileId);
    if (!parsedYaml.ok) {
      allEntriesValid = false;
      continue;
    }
    const raw = parsedYaml.data;
    const rawId = isRecord(raw) && typeof raw.id === 'string' && raw.id !== '' ? raw.id : undefined;
    const label = rawId ?? fileId;

    const result = glossaryEntrySchema.safeParse(raw, { error: errorMap });
    if (!result.success) {
      allEntriesValid = false;
      pushZodIssues(result.error.issues, file.path, problems, (path) => {
        const field = formatFieldPath(path);
        return { entry: label, ...(field !== undefined && { field }) };
      });
    } else {
      parsedEntries.push(result.data);
    }

    if (rawId !== undefined && rawId !== fileId) {
      allEntriesValid = false;
      problems.push({
        file: file.path,
        entry: label,
        field: 'id',
        message: `id "${rawId}" does not match the file name "${name}" (expected id "${fileId}")`,
      });
    }
    lenientEntries.push(lenientEntry(file.path, label, raw, result.success ? result.data : undefined));
  }

  // Duplicate ids.
  const fileById = new Map<string, string>();
  for (const entry of lenientEntries) {
    const other = fileById.get(entry.id);
    if (other !== undefined) {
      problems.push({
        file: entry.file,
        entry: entry.id,
        field: 'id',
        message: `duplicate entry id "${entry.id}": also used by ${other}`,
      });
    } else {
      fileById.set(entry.id, entry.file);
    }
  }

  // Surface forms claimed twice (across entries, or twice in one entry).
  const claimsByKey = new Map<
    string,
    { entry: LenientEntry; text: string; caseSensitive: boolean; name: string; field: string }[]
  >();
  for (const entry of lenientEntries) {
    const claims = [
      ...entry.forms.map((form) => ({
        ...form,
        name: `forms[${form.index}]`,
        field: `forms[${form.index}].text`,
      })),
      // A phrase in another sense is matched like a form: it may claim no form's text, nor another's phrase.
      ...entry.otherSenses.map((sense) => ({
        text: sense.text,
        caseSensitive: false,
        name: `otherSenses[${sense.index}]`,
        field: `otherSenses[${sense.index}]`,
      })),
    ];
    for (const form of claims) {
      const key = normalizeSurfaceForm(form.text, false);
      const earlier = claimsByKey.get(key) ?? [];
      const clash = earlier.find((c) => formsCollide(c, form));
      if (clash !== undefined) {
        problems.push({
          file: entry.file,
          entry: entry.id,
          field: form.field,
          message:
            clash.entry === entry
              ? `surface form "${form.text}" repeats ${clash.name} ("${clash.text}") of the same entry`
              : `surface form "${form.text}" is also claimed by entry "${clash.entry.id}" (${clash.name} "${clash.text}")`,
        });
      }
      earlier.push({ entry, ...form });
      claimsByKey.set(key, earlier);
    }
  }

  // Related ids and citations.
  for (const entry of lenientEntries) {
    const seenRelated = new Set<string>();
    for (const related of entry.related) {
      const field = `related[${related.index}]`;
      if (related.id === entry.id) {
        problems.push({
          file: entry.file,
          entry: entry.id,
          field,
          message: 'an entry cannot relate to itself',
        });
      } else if (!fileById.has(related.id)) {
        problems.push({
          file: entry.file,
          entry: entry.id,
          field,
          message: `related entry "${related.id}" does not exist`,
        });
      }
      if (seenRelated.has(related.id)) {
        problems.push({
          file: entry.file,
          entry: entry.id,
          field,
          message: `related entry "${related.id}" is listed twice`,
        });
      }
      seenRelated.add(related.id);
    }

    const seenCitations = new Set<string>();
    for (const citation of entry.citations) {
      const source = knownSources.get(citation.source);
      if (source === undefined) {
        problems.push({
          file: entry.file,
          entry: entry.id,
          field: `sources[${citation.index}].source`,
          message: `source "${citation.source}" does not exist in ${input.sourcesFile.path}`,
        });
      } else if (!source.headings.has(citation.locator)) {
        problems.push({
          file: entry.file,
          entry: entry.id,
          field: `sources[${citation.index}].locator`,
          message: `locator "${citation.locator}" is not a heading of source "${citation.source}"`,
        });
      }
      const key = `${citation.source}\u0000${citation.locator}`;
      if (seenCitations.has(key)) {
        problems.push({
          file: entry.file,
          entry: entry.id,
          field: `sources[${citation.index}]`,
          message: `citation of "${citation.source}" at "${citation.locator}" is listed twice`,
        });
      }
      seenCitations.add(key);
    }
  }

  if (problems.length > 0 || sources === undefined || !allEntriesValid) {
    if (problems.length === 0) {
      // Defensive: never return a partial glossary without saying why.
      problems.push({ file: input.sourcesFile.path, message: 'the glossary could not be compiled' });
    }
    // Group by file (sources file first), keeping the order found within each file.
    const rank = (file: string): string => (file === input.sourcesFile.path ? '' : file);
    const sorted = problems
      .map((problem, index) => ({ problem, index }))
      .sort((a, b) => {
        const ra = rank(a.problem.file);
        const rb = rank(b.problem.file);
        return ra < rb ? -1 : ra > rb ? 1 : a.index - b.index;
      })
      .map(({ problem }) => problem);
    throw new GlossaryError(sorted);
  }

  return buildOutput(sources, parsedEntries);
}

function buildOutput(sources: GlossarySource[], entries: GlossaryEntry[]): CompiledGlossary {
  const byName = [...entries].sort(
    (a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || a.id.localeCompare(b.id),
  );

  const contentEntries: Record<string, ContentEntry> = {};
  for (const entry of [...entries].sort((a, b) => a.id.localeCompare(b.id))) {
    const citations: ContentCitation[] = entry.sources.map((c) => ({
      sourceId: c.source,
      locator: withoutDoseFigures(c.locator),
    }));
    contentEntries[entry.id] = {
      id: entry.id,
      name: entry.name,
      category: entry.category,
      plain: entry.plain,
      expert: entry.expert,
      sources: citations,
      ...(entry.cancerSpecific ? { cancerSpecific: true as const } : {}),
      ...(entry.cancerPagesOnly ? { cancerPagesOnly: true as const } : {}),
    };
  }

  const forms: ContentForm[] = addNamesInside(
    entries.flatMap((entry) => [
      ...entry.forms.map((f) => ({
        text: f.text,
        entryId: entry.id,
        kind: f.kind,
        caseSensitive: f.caseSensitive,
        ambiguous: f.ambiguous,
      })),
      ...entry.otherSenses.map((text) => ({
        text,
        entryId: entry.id,
        kind: 'variant' as const,
        caseSensitive: false,
        ambiguous: false,
        otherSense: true as const,
      })),
    ]),
  );
  forms.sort((a, b) => {
    const byLength = normalizeSurfaceForm(b.text, false).length - normalizeSurfaceForm(a.text, false).length;
    if (byLength !== 0) return byLength;
    if (a.text !== b.text) return a.text < b.text ? -1 : 1;
    return a.entryId < b.entryId ? -1 : a.entryId > b.entryId ? 1 : 0;
  });

  const contentSources: Record<string, ContentSource> = {};
  for (const s of sources) {
    contentSources[s.id] = {
      id: s.id,
      title: s.title,
      shortTitle: s.shortTitle,
      kind: s.kind,
      trust: s.trust,
      ...(s.year !== undefined && { year: s.year }),
    };
  }

  // Validation used the verbatim headings; what ships to readers never shows a dose figure.
  const shownEntries = byName.map((entry) => ({
    ...entry,
    sources: entry.sources.map((c) => ({ ...c, locator: withoutDoseFigures(c.locator) })),
  }));
  const shownSources = sources.map((s) => ({ ...s, headings: s.headings.map(withoutDoseFigures) }));
  return {
    content: { entries: contentEntries, forms, sources: contentSources, trie: compileTermTrie(forms) },
    full: { entries: shownEntries, sources: shownSources },
  };
}
