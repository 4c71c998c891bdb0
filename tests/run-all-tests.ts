/**
 * `npm test`: every check the project has, in order, each step's output streamed, ending with one line
 * `N passed, N failed` that sums all suites (vitest tests count one each; type-check, lint, builds and
 * web-ext lint count one each). Exits non-zero if anything failed.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const artifacts = path.join(root, 'tests/.artifacts');
mkdirSync(artifacts, { recursive: true });

interface Tally {
  passed: number;
  failed: number;
}
const total: Tally = { passed: 0, failed: 0 };
const summary: string[] = [];

function run(command: string, args: string[], env: Record<string, string> = {}): number {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.error) console.error(result.error.message);
  return result.status ?? 1;
}

function step(name: string, command: string, args: string[]): boolean {
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const ok = run(command, args) === 0;
  total[ok ? 'passed' : 'failed'] += 1;
  summary.push(`${ok ? 'ok  ' : 'FAIL'} ${name}`);
  return ok;
}

/** Runs a vitest suite with a JSON report and adds its test counts (a crash before any test counts as one failure). */
function vitestSuite(name: string, args: string[], env: Record<string, string> = {}): void {
  const report = path.join(artifacts, `${name}.json`);
  rmSync(report, { force: true });
  console.log(`\n▶ ${name}: vitest run ${args.join(' ')}`);
  const status = run('npx', ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], env);
  let counts: Tally = { passed: 0, failed: 0 };
  try {
    const json = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number; numTotalTests: number };
    counts = { passed: json.numPassedTests, failed: json.numFailedTests + (json.numTotalTests - json.numPassedTests - json.numFailedTests) };
  } catch {
    // no report: the suite did not get to run its tests
  }
  if (status !== 0 && counts.failed === 0) counts.failed = 1;
  if (status === 0 && counts.passed === 0) counts.failed += 1; // a suite that ran nothing proves nothing
  total.passed += counts.passed;
  total.failed += counts.failed;
  summary.push(`${counts.failed ? 'FAIL' : 'ok  '} ${name}: ${counts.passed} passed, ${counts.failed} failed`);
}

step('type-check', 'npx', ['tsc', '--noEmit']);
step('lint', 'npx', ['eslint', '.']);
vitestSuite('unit', []);
const chromeBuilt = step('build (chrome-mv3)', 'npx', ['wxt', 'build']);
const firefoxBuilt = step('build (firefox-mv2)', 'npx', ['wxt', 'build', '-b', 'firefox']);
if (firefoxBuilt) step('web-ext lint (firefox)', 'npx', ['tsx', 'tests/harness/web-ext-lint.ts']);
if (chromeBuilt && firefoxBuilt)
  vitestSuite('e2e', ['--config', 'tests/e2e/vitest.e2e.config.ts'], { E2E_SHIPPED_BUILDS_READY: '1' });
else {
  total.failed += 1;
  summary.push('FAIL e2e: not run, a build failed');
}

console.log('\n' + summary.join('\n'));
console.log(`${total.passed} passed, ${total.failed} failed`);
process.exit(total.failed ? 1 : 0);
