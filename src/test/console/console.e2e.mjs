// End-to-end steps for the web console in headless Chromium (Debian's package), driven by
// playwright-core. ConsoleBrowserTest starts a real Pintu and runs one step per call:
//   node console.e2e.mjs <step> [arg]
// Environment: PINTU_URL, PINTU_ADMIN, PINTU_SUPERVISOR, PINTU_SHOTS (screenshot folder).
// A step prints "RESULT <json>" at the end and exits non-zero, saying why, when a check fails.
import { chromium } from '../../main/console/node_modules/playwright-core/index.mjs';
import { mkdirSync } from 'node:fs';

const BASE = process.env.PINTU_URL;
const SHOTS = process.env.PINTU_SHOTS;
mkdirSync(SHOTS, { recursive: true });
const TIMEOUT = 30_000;

function check(cond, what) {
  if (!cond) throw new Error('check failed: ' + what);
}

async function shot(page, name) {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

async function login(page, token) {
  await page.goto(BASE + '/console/');
  await page.waitForURL('**/console/login');
  await page.fill('#token', token);
  await page.click('button[type=submit]');
  await page.waitForURL('**/console/');
  await page.waitForSelector('#who:not(:empty)');
}

/** Replaces the text of the editor line that contains `find` by that line with `find` turned into `by`, typing like a person. */
async function retype(page, find, by) {
  const line = page.locator('.cm-line', { hasText: find }).first();
  await line.click();
  await page.keyboard.press('End');
  const text = await line.textContent();
  const tail = text.length - text.indexOf(find) - find.length;
  for (let i = 0; i < tail; i++) await page.keyboard.press('ArrowLeft');
  for (let i = 0; i < find.length; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type(by, { delay: 15 });
}

const steps = {
  /** A wrong token sees the login page only, and the API answers nothing. */
  async wrongToken(page) {
    await page.goto(BASE + '/console/');
    check(page.url().endsWith('/console/login'), 'without a session /console/ leads to the login page, got ' + page.url());
    await page.fill('#token', 'not-a-real-token');
    await page.click('button[type=submit]');
    await page.waitForSelector('#login-error:not([hidden])');
    const msg = await page.textContent('#login-error');
    await shot(page, '01-login-wrong-token');
    await page.goto(BASE + '/console/');
    check(page.url().endsWith('/console/login'), 'still on the login page');
    const api = await page.evaluate(async () => {
      const r = await fetch('/console/api/scripts');
      return { status: r.status, body: await r.text() };
    });
    check(api.status === 401, 'API refuses: ' + api.status);
    check(!api.body.includes('first-contact'), 'no script data in the refusal');
    return { message: msg, api: api.status, url: page.url() };
  },

  /** Logged in as admin, a page on another site posts a publish: the console refuses it. */
  async crossSite(page) {
    await login(page, process.env.PINTU_ADMIN);
    const target = BASE + '/console/api/scripts/first-contact/rollback/1';
    // Another site: localhost is not the same site as 127.0.0.1, and the browser treats it so.
    const evil = BASE.replace('127.0.0.1', 'localhost') + '/evil/attack';
    await page.route(evil, (route) => route.fulfill({
      contentType: 'text/html',
      body: `<html><body><form id="f" method="POST" action="${target}"><input name="x" value="1"></form>
             <script>if (location.hash === '#post') document.getElementById('f').submit()</script></body></html>`,
    }));
    const answer = page.waitForResponse((r) => r.url() === target, { timeout: TIMEOUT });
    await page.goto(evil + '#post');
    const r = await answer;
    const status = r.status();
    check(status === 401 || status === 403, 'cross-site POST refused, got ' + status);
    // and a script on the other site cannot read console data either
    await page.goto(evil);
    const read = await page.evaluate(async (u) => {
      try {
        const x = await fetch(u, { credentials: 'include' });
        return 'read ' + x.status;
      } catch (e) {
        return 'blocked';
      }
    }, BASE + '/console/api/scripts');
    check(read === 'blocked', 'cross-site read is blocked, got ' + read);
    return { status, read };
  },

  /** Break a script, see the problem beside its line, fix it, try it to the handoff, publish, compare, roll back. */
  async editor(page) {
    await login(page, process.env.PINTU_ADMIN);
    await page.click('a[href="#/scripts"]');
    await page.waitForSelector('.script-item');
    await shot(page, '03-scripts');
    await page.click('a[href="#/scripts/first-contact"]');
    await page.waitForSelector('.cm-line');
    await page.waitForSelector('#problems .ok', { timeout: TIMEOUT });
    await page.waitForSelector('#graph svg', { timeout: TIMEOUT });
    await shot(page, '04-editor-graph');

    // break: the greeting goes to a node that does not exist
    await retype(page, 'next: consent', 'next: nowhere');
    await page.waitForSelector('.cm-lint-marker-error', { timeout: TIMEOUT });
    await page.waitForSelector('#problems li.problem', { timeout: TIMEOUT });
    const problem = await page.textContent('#problems li.problem');
    // the problem names the line of the broken node, and the gutter marks that very line
    const lineNo = Number(/(\d+)/.exec(problem)[1]);
    const lineBox = await page.locator('.cm-lineNumbers .cm-gutterElement', { hasText: new RegExp(`^${lineNo}$`) }).boundingBox();
    const marker = await page.locator('.cm-lint-marker-error').first().boundingBox();
    const brokenNode = await page.locator('.cm-line', { hasText: '- id: hello' }).first().boundingBox();
    check(Math.abs(marker.y - lineBox.y) < 4, `the error marker is on line ${lineNo}`);
    check(Math.abs(marker.y + marker.height / 2 - (brokenNode.y + brokenNode.height / 2)) < brokenNode.height,
      'the marked line is the broken node');
    await shot(page, '05-editor-error-beside-line');

    // fix it
    await retype(page, 'next: nowhere', 'next: consent');
    await page.waitForSelector('#problems .ok', { timeout: TIMEOUT });
    check(await page.locator('.cm-lint-marker-error').count() === 0, 'no error marker after the fix');

    // a visible change to publish later, then try the draft like a family
    await retype(page, 'Halo, selamat datang.', 'Halo, selamat datang di Pintu.');
    await page.waitForSelector('#problems .ok', { timeout: TIMEOUT });
    await page.click('#tab-try');
    await page.click('#try-start');
    await page.waitForSelector('#try-chat .bubble.bot >> text=Halo, selamat datang di Pintu.');
    await page.click('#try-buttons button >> text=Ya');
    await page.waitForSelector('#try-chat >> text=Siapa nama panggilan Anda?');
    await page.fill('#try-input', 'Rina');
    await page.press('#try-input', 'Enter');
    await page.waitForSelector('#try-chat >> text=Berapa usia Anda?');
    await page.fill('#try-input', '34');
    await page.press('#try-input', 'Enter');
    await page.waitForSelector('#try-chat >> text=Ceritakan apa yang terjadi, Rina.');
    await page.fill('#try-input', 'Suami saya sering marah');
    await page.press('#try-input', 'Enter');
    await page.fill('#try-input', 'Saya bingung harus bagaimana');
    await page.press('#try-input', 'Enter');
    await page.waitForSelector('#try-buttons button', { timeout: TIMEOUT });
    await page.locator('#try-buttons button').last().click();
    await page.waitForSelector('#try-status.handoff', { timeout: TIMEOUT });
    const handoff = await page.textContent('#try-status');
    await shot(page, '06-try-it-handoff');

    // publish with a comment
    await page.fill('#publish-comment', 'salam menyebut Pintu');
    await page.click('#publish');
    await page.waitForSelector('#publish-message.ok', { timeout: TIMEOUT });
    const published = await page.textContent('#publish-message');

    // history: what changed, then back to version 1
    await page.click('#tab-history');
    await page.selectOption('#diff-from', '1');
    await page.selectOption('#diff-to', '2');
    await page.click('#diff-compare');
    await page.waitForSelector('#diff .add');
    const added = await page.textContent('#diff .add');
    check(added.includes('selamat datang di Pintu'), 'the diff shows the new greeting: ' + added);
    await shot(page, '07-history-diff');
    page.once('dialog', (d) => d.accept());
    await page.click('button.rollback[data-version="1"]');
    await page.waitForSelector('#publish-message.ok >> text=/versi 3/i', { timeout: TIMEOUT });
    const rolledBack = await page.textContent('#publish-message');
    await page.waitForSelector('.cm-line >> text=Halo, selamat datang.');
    await shot(page, '08-after-rollback');
    return { problem, handoff, published, rolledBack };
  },

  /** The dashboard's count of conversations today (waits for `arg` when given). */
  async dashboard(page, expect) {
    await login(page, process.env.PINTU_ADMIN);
    await page.waitForSelector('#stat-conversations .card-value');
    let value = Number(await page.textContent('#stat-conversations .card-value'));
    const deadline = Date.now() + TIMEOUT;
    while (expect !== undefined && value !== Number(expect) && Date.now() < deadline) {
      await page.waitForTimeout(300);
      await page.reload();
      await page.waitForSelector('#stat-conversations .card-value');
      value = Number(await page.textContent('#stat-conversations .card-value'));
    }
    if (expect !== undefined) {
      check(value === Number(expect), `conversations today shows ${expect}, got ${value}`);
      await shot(page, '02-dashboard');
      // English on request, the same numbers
      await page.click('#lang-toggle');
      await page.waitForSelector('h1 >> text=Service overview');
      check(Number(await page.textContent('#stat-conversations .card-value')) === value, 'same count in English');
      await shot(page, '02-dashboard-en');
      await page.click('#lang-toggle');
      await page.waitForSelector('h1 >> text=Ringkasan layanan');
    }
    const queue = Number(await page.textContent('#stat-queue .card-value'));
    return { conversations: value, queue };
  },

  /** The service forms: change the first help contact's phone, save with a comment, see the new version in the history. */
  async service(page, phone) {
    await login(page, process.env.PINTU_ADMIN);
    await page.click('a[href="#/service"]');
    await page.waitForSelector('#section-help_contacts [data-row="0"] [data-field="phone"]');
    const before = await page.textContent('#service-version');
    // A broken value first: the problem shows beside the office hours, nothing is saved.
    await page.fill('#timezone', 'Asia/Atlantis');
    await page.click('#service-save');
    await page.waitForSelector('#problems-office_hours li.problem');
    const problem = await page.textContent('#problems-office_hours li.problem');
    check(await page.locator('#timezone.invalid').count() === 1, 'the time zone field is marked');
    await shot(page, '11-service-problem');
    await page.fill('#timezone', 'Asia/Jakarta');
    await page.fill('#section-help_contacts [data-row="0"] [data-field="phone"]', phone);
    await page.fill('#service-comment', 'nomor SAPA baru');
    await page.click('#service-save');
    await page.waitForSelector('#service-message.ok');
    const message = await page.textContent('#service-message');
    await page.waitForSelector('#service-history tbody tr >> text=nomor SAPA baru');
    const after = await page.textContent('#service-version');
    check(before !== after, `the version moved on (${before} -> ${after})`);
    const shown = await page.inputValue('#section-help_contacts [data-row="0"] [data-field="phone"]');
    check(shown === phone, 'the form shows the saved number, got ' + shown);
    await shot(page, '12-service-saved');
    return { problem, message, before, after };
  },

  /** A supervisor finds the case by the family's name and opens it. */
  async cases(page, name) {
    await login(page, process.env.PINTU_SUPERVISOR);
    await page.click('a[href="#/cases"]');
    await page.waitForSelector('#case-list');
    await page.fill('#case-search', name);
    await page.click('form.toolbar button[type=submit]');
    await page.waitForSelector(`#case-list tbody tr >> text=${name}`);
    await shot(page, '09-cases');
    await page.click('#case-list tbody tr a');
    await page.waitForSelector('dl.kv');
    await page.waitForSelector('.chat .bubble.family');
    const intake = await page.textContent('dl.kv');
    const story = await page.textContent('ol.story');
    await shot(page, '10-case');
    return { intake, story };
  },
};

const [step, arg] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.PINTU_CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, locale: 'id-ID' });
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  page.on('console', (m) => { if (m.type() === 'error') console.error('browser console:', m.text()); });
  try {
    const result = await steps[step](page, arg);
    console.log('RESULT ' + JSON.stringify(result));
  } catch (e) {
    await page.screenshot({ path: `${SHOTS}/failed-${step}.png`, fullPage: true }).catch(() => {});
    console.error('page text at failure: ' + (await page.textContent('body').catch(() => '?')));
    throw e;
  }
} catch (e) {
  console.error(e.stack || String(e));
  process.exitCode = 1;
} finally {
  await browser.close();
}
