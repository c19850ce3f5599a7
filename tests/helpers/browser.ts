/**
 * Debian's Chromium driven by playwright-core; never a downloaded browser. Where Chromium is
 * missing the browser tests say so loudly, and under CI=true that is a failure, not a skip.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

export function announceMissingBrowser(): void {
  const banner = `\n${'!'.repeat(78)}\n!! BROWSER TESTS NOT RUN: no Chromium at ${CHROMIUM}.\n!! Install it with: apt-get install -y chromium   (or set CHROMIUM_PATH)\n${'!'.repeat(78)}\n`;
  process.stderr.write(banner);
  if (process.env['CI'] === 'true')
    throw new Error(
      `CI=true and no Chromium at ${CHROMIUM}: browser tests cannot be skipped in CI`,
    );
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
