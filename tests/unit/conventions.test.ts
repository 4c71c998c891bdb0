/**
 * The house conventions, checked rather than hoped for (as refined-github does): kebab-case files in src/,
 * each named after its main export, a doc comment on every exported function, thin entrypoints with no
 * extension API call at import time, and tests that mirror src/.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const list = (dir: string) =>
  readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' }).map((file) => path.join(dir, file));
const srcFiles = list('src').filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'));
const entrypointFiles = list('entrypoints').filter((file) => /\.(ts|tsx)$/.test(file));
const kebab = (name: string) =>
  name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([A-Z])([A-Z][a-z])/g, '$1-$2').toLowerCase();

describe('src/', () => {
  it('has kebab-case file names', () => {
    const bad = srcFiles.filter((file) => !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(path.basename(file, '.ts')));
    expect(bad).toEqual([]);
  });

  it('names each file after its main export (one job per file)', () => {
    const bad = srcFiles.filter((file) => {
      const base = path.basename(file, '.ts');
      const code = readFileSync(path.join(root, file), 'utf8');
      const functions = [...code.matchAll(/export (?:async )?(?:function|class) (\w+)/g)].map((m) => kebab(m[1]!));
      // Files of data and types (schemas, settings items, messages) are named for what they describe.
      return functions.length > 0 && !functions.some((name) => name.includes(base));
    });
    expect(bad).toEqual([]);
  });

  it('gives every exported function a doc comment', () => {
    const missing: string[] = [];
    for (const file of srcFiles) {
      const lines = readFileSync(path.join(root, file), 'utf8').split('\n');
      lines.forEach((line, index) => {
        if (!/^export (async )?function /.test(line)) return;
        let previous = index - 1;
        while (previous >= 0 && /^\s*(\/\/|@)/.test(lines[previous]!)) previous--;
        if (!/\*\/\s*$/.test(lines[previous] ?? '')) missing.push(`${file}:${index + 1} ${line.trim().slice(0, 60)}`);
      });
    }
    expect(missing).toEqual([]);
  });

  it('never uses chrome.*, innerHTML or eval', () => {
    const bad = srcFiles.filter((file) =>
      /\bchrome\.|\.innerHTML\s*=|insertAdjacentHTML|\beval\(|new Function\(/.test(readFileSync(path.join(root, file), 'utf8')),
    );
    expect(bad).toEqual([]);
  });
});

describe('entrypoints/', () => {
  it('are thin: a define* call that hands over to src/, no extension API call at import time', () => {
    const bad: string[] = [];
    for (const file of entrypointFiles) {
      const code = readFileSync(path.join(root, file), 'utf8');
      const lines = code.split('\n').filter((line) => line.trim() && !line.trim().startsWith('//'));
      if (lines.length > 60) bad.push(`${file}: ${lines.length} lines; move logic into src/`);
      // Top-level statements other than imports, the default export and declarations: none may call browser.*
      const topLevel = code.replace(/export default [\s\S]*$/, '');
      if (/^\s*(await\s+)?browser\./m.test(topLevel)) bad.push(`${file}: browser.* at import time`);
    }
    expect(bad).toEqual([]);
  });
});

describe('tests/', () => {
  it('mirror src/: every src folder has its unit tests folder', () => {
    const folders = readdirSync(path.join(root, 'src'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== 'build')
      .map((entry) => entry.name);
    const missing = folders.filter((folder) => !existsSync(path.join(root, 'tests/unit', folder)));
    expect(missing).toEqual([]);
  });
});
