/**
 * Lints the Firefox build with Mozilla's `web-ext lint` (the checks addons.mozilla.org runs). Fails on any
 * error, and on any warning whose code the README does not explain: a new warning is a decision to make.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

interface LintMessage {
  code: string;
  message: string;
  file?: string;
}
interface LintReport {
  count: number;
  summary: { errors: number; notices: number; warnings: number };
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

const root = path.resolve(import.meta.dirname, '../..');
const sourceDir = path.join(root, '.output/firefox-mv2');
const result = spawnSync('npx', ['web-ext', 'lint', '--source-dir', sourceDir, '--output', 'json', '--boring'], {
  cwd: root,
  encoding: 'utf8',
});
const jsonStart = result.stdout.indexOf('{');
if (jsonStart < 0) {
  console.error(result.stdout, result.stderr);
  throw new Error('web-ext lint printed no JSON report');
}
const report = JSON.parse(result.stdout.slice(jsonStart)) as LintReport;
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');

const show = (kind: string, messages: LintMessage[]) =>
  messages.forEach((m) => console.log(`  ${kind} ${m.code}${m.file ? ` (${m.file})` : ''}: ${m.message}`));
console.log(
  `web-ext lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.summary.notices} notices`,
);
show('error', report.errors);
show('warning', report.warnings);
show('notice', report.notices);

const unexplained = report.warnings.filter((warning) => !readme.includes(warning.code));
for (const warning of unexplained) console.error(`  warning ${warning.code} is not explained in README.md`);
process.exit(report.summary.errors === 0 && unexplained.length === 0 ? 0 : 1);
