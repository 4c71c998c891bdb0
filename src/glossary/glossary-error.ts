/** One problem found in the glossary files: where it is (file, entry or source id, field) and what is wrong. */
export interface GlossaryProblem {
  /** Repository-relative path, e.g. `glossary/entries/lenalidomide.yaml`. */
  file: string;
  /** Id of the entry (or, in `glossary/sources.yaml`, of the source) the problem belongs to, when known. */
  entry?: string;
  /** Whether `entry` names a glossary entry (default) or a source of `glossary/sources.yaml`. */
  subject?: 'entry' | 'source';
  /** Field path inside the entry or source, e.g. `forms[2].text`, when the problem has one. */
  field?: string;
  /** What is wrong, in one line. */
  message: string;
}

/** Formats one problem as `file: entry "id", field "path": message`. */
export function formatGlossaryProblem(problem: GlossaryProblem): string {
  const parts: string[] = [];
  if (problem.entry !== undefined) parts.push(`${problem.subject ?? 'entry'} "${problem.entry}"`);
  if (problem.field !== undefined) parts.push(`field "${problem.field}"`);
  return parts.length > 0
    ? `${problem.file}: ${parts.join(', ')}: ${problem.message}`
    : `${problem.file}: ${problem.message}`;
}

/**
 * Thrown when the glossary does not compile. It carries every problem found (none is dropped);
 * `file`, `entry` and `field` repeat those of the first problem, and the message lists each
 * problem on its own line after a one-line count.
 */
export class GlossaryError extends Error {
  override readonly name = 'GlossaryError';
  readonly problems: readonly GlossaryProblem[];
  /** One formatted line per problem, in the order of `problems`. */
  readonly lines: readonly string[];
  readonly file: string;
  readonly entry: string | undefined;
  readonly field: string | undefined;

  constructor(problems: readonly GlossaryProblem[]) {
    if (problems.length === 0) throw new TypeError('GlossaryError needs at least one problem');
    const lines = problems.map(formatGlossaryProblem);
    const header = `The glossary has ${problems.length} problem${problems.length === 1 ? '' : 's'}:`;
    super([header, ...lines].join('\n'));
    this.problems = [...problems];
    this.lines = lines;
    const first = problems[0]!;
    this.file = first.file;
    this.entry = first.entry;
    this.field = first.field;
  }
}
