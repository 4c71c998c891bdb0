/**
 * Shared helpers for the glossary tests: paths of the real glossary and the seed documents, and small
 * in-memory glossaries for feeding the compiler bad input.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { stringify } from 'yaml';
import { compileGlossary, type CompileGlossaryInput } from '../../../src/glossary/compile-glossary';
import { GlossaryError, type GlossaryProblem } from '../../../src/glossary/glossary-error';

export const repoRoot = path.resolve(import.meta.dirname, '../../..');
export const glossaryDir = path.join(repoRoot, 'glossary');
/** The local repository this one was cloned from (a clone made elsewhere for CI), or null. */
function originRoot(): string | null {
  try {
    const url = execFileSync('git', ['remote', 'get-url', 'origin'], {
      cwd: repoRoot,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    return path.isAbsolute(url) ? url : null;
  } catch {
    return null;
  }
}

const origin = originRoot();

/**
 * Where the seed documents are looked for, in order: $ONCOLOGY_SEEDS_DIR, then ../shared/seeds beside the
 * repository, then beside the repository it was cloned from.
 */
export const seedsCandidates: string[] = [
  ...(process.env.ONCOLOGY_SEEDS_DIR ? [path.resolve(process.env.ONCOLOGY_SEEDS_DIR)] : []),
  path.resolve(repoRoot, '../shared/seeds'),
  ...(origin ? [path.resolve(origin, '../shared/seeds')] : []),
];

/** The five source documents: the first candidate that exists (the first one, for the error, when none does). */
export const seedsDir = seedsCandidates.find((dir) => existsSync(dir)) ?? seedsCandidates[0]!;

/** Reads the seed documents (`*.txt`), failing loudly when the folder is missing. */
export function readSeeds(): { file: string; text: string }[] {
  if (!existsSync(seedsDir)) {
    throw new Error(
      `The seed documents were not found (looked in ${seedsCandidates.join(', ')}). The source-policy tests ` +
        'compare the glossary with the five documents in ../shared/seeds (relative to the repository root); ' +
        'check out or copy that folder there, or set ONCOLOGY_SEEDS_DIR to it.',
    );
  }
  const files = readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  if (files.length === 0) throw new Error(`No seed documents (*.txt) in ${seedsDir}.`);
  return files.map((file) => ({ file, text: readFileSync(path.join(seedsDir, file), 'utf8') }));
}

// ---------------------------------------------------------------------------------------------
// In-memory glossaries
// ---------------------------------------------------------------------------------------------

export const SOURCES_PATH = 'glossary/sources.yaml';

export const validSource = {
  id: 'test-review',
  title: 'A Test Review',
  shortTitle: 'Test review',
  kind: 'peer-reviewed-review',
  year: 2023,
  trust: 'high',
  trustNote: 'A peer-reviewed review written for these tests.',
  seedFile: 'test-review.txt',
  headings: ['ABSTRACT', 'Background'],
};

/** A valid entry with the given id; fields can be overridden (or removed with `undefined`). */
export function entryData(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const base: Record<string, unknown> = {
    id,
    name: `Term ${id}`,
    category: 'drug',
    forms: [{ text: `${id} term`, kind: 'name' }],
    plain: 'A simple thing that is used in these tests.',
    expert: 'A precise note in one sentence.',
    full: 'First paragraph.\n\nSecond paragraph.',
    related: [],
    sources: [{ source: 'test-review', locator: 'ABSTRACT' }],
  };
  const merged = { ...base, ...overrides };
  for (const [key, value] of Object.entries(merged)) if (value === undefined) delete merged[key];
  return merged;
}

/** An entry file at `glossary/entries/<name>.yaml` holding `data` as YAML. */
export function entryFile(name: string, data: unknown): { path: string; text: string } {
  return { path: `glossary/entries/${name}.yaml`, text: stringify(data) };
}

/** Sources file text for the given sources. */
export function sourcesFile(sources: unknown[] = [validSource]): { path: string; text: string } {
  return { path: SOURCES_PATH, text: stringify({ sources }) };
}

/** A valid two-entry glossary input, with optional extra/replacement entry files. */
export function glossaryInput(entryFiles?: { path: string; text: string }[]): CompileGlossaryInput {
  return {
    sourcesFile: sourcesFile(),
    entryFiles: entryFiles ?? [entryFile('alpha', entryData('alpha')), entryFile('beta', entryData('beta'))],
  };
}

/** Compiles and returns the thrown GlossaryError (fails the test when nothing or something else is thrown). */
export function compileError(input: CompileGlossaryInput): GlossaryError {
  try {
    compileGlossary(input);
  } catch (error) {
    expect(error).toBeInstanceOf(GlossaryError);
    return error as GlossaryError;
  }
  throw new Error('expected compileGlossary to throw a GlossaryError, but it compiled');
}

/**
 * Asserts that the error holds exactly the expected problems (nothing dropped, nothing extra) and that
 * each one stands on its own line of the message as `file: entry "id", field "path": ...`.
 */
export function expectProblems(
  error: GlossaryError,
  expected: (Omit<GlossaryProblem, 'message'> & { message: RegExp })[],
): void {
  expect(error.problems).toHaveLength(expected.length);
  const lines = error.message.split('\n');
  expect(lines).toHaveLength(expected.length + 1);
  expected.forEach((want, i) => {
    const got = error.problems[i]!;
    expect(got.file).toBe(want.file);
    expect(got.entry).toBe(want.entry);
    expect(got.field).toBe(want.field);
    expect(got.message).toMatch(want.message);
    const prefix =
      `${want.file}: ` +
      [
        want.entry !== undefined ? `${want.subject ?? 'entry'} "${want.entry}"` : undefined,
        want.field !== undefined ? `field "${want.field}"` : undefined,
      ]
        .filter(Boolean)
        .join(', ');
    expect(lines[i + 1]!.startsWith(prefix)).toBe(true);
  });
  const first = expected[0]!;
  expect(error.file).toBe(first.file);
  expect(error.entry).toBe(first.entry);
  expect(error.field).toBe(first.field);
}
