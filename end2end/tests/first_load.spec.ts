import { Browser, Page, Request, expect, test } from '@playwright/test';
import { demoEmail, nav, signInHome } from './helpers';

/**
 * First visits with an empty cache: what the browser downloads, and that the
 * page hydrates and works. The budget counts what the issue counts — the
 * encoded bodies of the WASM, JS and CSS files (brotli); the HTML, the
 * server-function data and the headers are printed beside it. On the release
 * build (split per route, precompressed) the sign-in page must stay within
 * the goal of 250 KB; the users page is held to where it stands (414 KB on
 * 2026-12-07, the goal of 250 KB is not met: README, status). A debug build
 * only prints its figures.
 */

const LIMIT_KB = 250;
const USERS_LIMIT_KB = 420;
const release = process.env.E2E_PROFILE === 'release';

type Sizes = { code: number; other: number; headers: number; files: number; wasm: number };

/**
 * Sums the encoded body and header bytes of every response a page receives
 * until the returned function is called (later requests are not counted).
 */
function meter(page: Page): () => Promise<Sizes> {
  const pending: Promise<Sizes>[] = [];
  const listener = (request: Request) => {
    const path = new URL(request.url()).pathname;
    const code = /\.(wasm|js|css)$/.test(path);
    pending.push(
      request.sizes().then((s) => ({
        code: code ? s.responseBodySize : 0,
        other: code ? 0 : s.responseBodySize,
        headers: s.responseHeadersSize,
        files: 1,
        wasm: path.endsWith('.wasm') ? 1 : 0,
      })),
    );
  };
  page.on('requestfinished', listener);
  return async () => {
    page.off('requestfinished', listener);
    return (await Promise.all(pending)).reduce(
      (a, b) => ({
        code: a.code + b.code,
        other: a.other + b.other,
        headers: a.headers + b.headers,
        files: a.files + b.files,
        wasm: a.wasm + b.wasm,
      }),
      { code: 0, other: 0, headers: 0, files: 0, wasm: 0 },
    );
  };
}

function report(label: string, s: Sizes, limit = LIMIT_KB) {
  const kb = (n: number) => Math.round(n / 1024);
  console.log(
    `first load of ${label}: WASM+JS+CSS ${kb(s.code)} KB (limit ${limit} KB on release), ` +
      `HTML and data ${kb(s.other)} KB, headers ${kb(s.headers)} KB; ` +
      `${s.files} responses, ${s.wasm} of them WASM`,
  );
  if (release) expect(kb(s.code), `${label}: WASM+JS+CSS (KB)`).toBeLessThanOrEqual(limit);
}

/** A fresh browser context (empty cache) carrying an existing session's cookies. */
async function freshContextLike(browser: Browser, page?: Page) {
  const context = await browser.newContext();
  if (page) await context.addCookies(await page.context().cookies());
  return context;
}

test('the sign-in page loads small, hydrates and signs in', async ({ browser }) => {
  const context = await freshContextLike(browser);
  const page = await context.newPage();
  const sizes = meter(page);
  await page.goto('/login');
  await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');
  await page.waitForLoadState('networkidle');
  report('/login', await sizes());
  await page.getByLabel('Email').fill(demoEmail('global-admin'));
  await page.getByLabel('Password').fill('demo-password-2026');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: /^Welcome, / })).toBeVisible();
  await context.close();
});

test('pages load the bundle under its content hash, kept by the browser for good', async ({
  browser,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const bundle: { path: string; cache: string }[] = [];
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (/\.(wasm|js|css)$/.test(path) && !path.startsWith('/i18n/')) {
      bundle.push({ path, cache: response.headers()['cache-control'] ?? '' });
    }
  });
  await page.goto('/login');
  await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');
  await page.waitForLoadState('networkidle');
  expect(bundle.map((f) => f.path)).toEqual(
    expect.arrayContaining([expect.stringMatching(/\.wasm$/), expect.stringMatching(/\.css$/)]),
  );
  for (const file of bundle) {
    expect(file.path).toMatch(/^\/bundle\/[0-9a-f]{16}\/pkg\//);
    expect(file.cache, file.path).toBe('public, max-age=31536000, immutable');
  }
  await context.close();
});

test('the users page loads small by its URL, hydrates, and navigation loads further pages', async ({
  browser,
  page,
}) => {
  await signInHome(page, demoEmail('global-admin'));
  const context = await freshContextLike(browser, page);
  const fresh = await context.newPage();
  const sizes = meter(fresh);
  await fresh.goto('/users');
  await expect(fresh.locator('body')).toHaveAttribute('data-hydrated', 'true');
  await expect(fresh.getByRole('heading', { name: 'User management', exact: true })).toBeVisible();
  await fresh.waitForLoadState('networkidle');
  report('/users (signed in)', await sizes(), USERS_LIMIT_KB);
  // A page whose code is not loaded yet arrives by navigation, no reload.
  // Split, its code is held back a second here: meanwhile the page says it
  // is loading (a bar, named for screen readers) and is marked busy.
  if (release) {
    await fresh.route(/\.wasm$/, async (route) => {
      await new Promise((done) => setTimeout(done, 1000));
      await route.continue();
    });
  }
  await nav(fresh).getByRole('link', { name: 'Roles' }).click();
  if (release) {
    await expect(fresh.getByRole('progressbar', { name: 'Loading the page…' })).toBeVisible();
    await expect(fresh.locator('main')).toHaveAttribute('aria-busy', 'true');
  }
  await expect(fresh).toHaveURL(/\/roles$/);
  await expect(fresh.getByRole('heading', { name: 'Roles and permissions', exact: true })).toBeVisible();
  await expect(fresh.getByTestId('page-loading')).toBeHidden();
  await expect(fresh.locator('main')).not.toHaveAttribute('aria-busy', /.*/);
  await context.close();
});
