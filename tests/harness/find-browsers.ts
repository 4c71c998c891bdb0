import { existsSync } from 'node:fs';

const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

const FIREFOX_CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/Applications/Firefox.app/Contents/MacOS/firefox'];

/** A browser the tests or the demo need is not installed: the message says how to get it. */
export class MissingBrowserError extends Error {}

function firstExisting(envVar: string, candidates: string[]): string | null {
  const fromEnv = process.env[envVar];
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return candidates.find((candidate) => existsSync(candidate)) ?? null;
}

/** Path of Chromium or Chrome: $CHROME_PATH, else the usual install paths; throws with the fix if absent. */
export function findChromium(): string {
  const found = firstExisting('CHROME_PATH', CHROMIUM_CANDIDATES);
  if (found) return found;
  const env = process.env.CHROME_PATH;
  throw new MissingBrowserError(
    (env ? `CHROME_PATH is set to "${env}", but no file is there.\n` : 'No Chromium or Chrome found.\n') +
      'Install one: on Debian/Ubuntu `npm run browsers` (runs `apt-get install chromium firefox-esr`),\n' +
      'or install Google Chrome and set CHROME_PATH=/path/to/chrome.',
  );
}

/** Path of Firefox (ESR works): $FIREFOX_PATH, else the usual install paths; throws with the fix if absent. */
export function findFirefox(): string {
  const found = firstExisting('FIREFOX_PATH', FIREFOX_CANDIDATES);
  if (found) return found;
  const env = process.env.FIREFOX_PATH;
  throw new MissingBrowserError(
    (env ? `FIREFOX_PATH is set to "${env}", but no file is there.\n` : 'No Firefox found.\n') +
      'Install it: on Debian/Ubuntu `npm run browsers` (runs `apt-get install chromium firefox-esr`),\n' +
      'or install Firefox and set FIREFOX_PATH=/path/to/firefox.',
  );
}
