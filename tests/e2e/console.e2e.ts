import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage } from './harness';

/**
 * A clean console on every route: no Content-Security-Policy violation (zod must never try `eval`
 * under our `script-src 'self'`) and no error logged by the app.
 */
describe('browser console', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows no CSP violation and no error on any route', async () => {
    const { context, page } = await newPage(browser);
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.text().startsWith('CSP ')) problems.push(`${page.url()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) =>
        console.log(`CSP ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}`),
      ),
    );
    for (const route of [
      '/',
      '/sectors/marine',
      '/targets/qd-key-projects',
      '/projects',
      '/review',
      '/screen',
      '/sign-in',
    ]) {
      await page.goto(route, { waitUntil: 'networkidle' });
      await page.waitForTimeout(300);
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});
