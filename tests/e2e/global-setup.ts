import { execFileSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { REPO_ROOT } from '../harness/extension-browser';
import { findChromium, findFirefox } from '../harness/find-browsers';
import { startStaticServer } from '../harness/static-server';

/** Builds the extension for both browsers and serves the fixture pages on 127.0.0.1 for the whole e2e run. */
export default async function setup(project: TestProject) {
  // A missing browser fails the run here, loudly, before any test could be skipped.
  findChromium();
  findFirefox();
  if (!process.env.E2E_SKIP_BUILD) {
    const wxt = (args: string[]) =>
      execFileSync('npx', ['wxt', 'build', ...args], { cwd: REPO_ROOT, stdio: 'inherit' });
    // `npm test` has just built the shipped builds as steps of their own; a lone e2e run builds them here.
    if (!process.env.E2E_SHIPPED_BUILDS_READY) {
      wxt([]);
      wxt(['-b', 'firefox']);
    }
    wxt(['-b', 'firefox', '--mode', 'e2e']);
  }
  const server = await startStaticServer([`${REPO_ROOT}/tests/fixtures`]);
  project.provide('fixtureOrigin', server.origin);
  return () => server.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    fixtureOrigin: string;
  }
}
