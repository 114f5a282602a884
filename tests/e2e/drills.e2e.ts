import { readFileSync } from 'node:fs';
import { expect as baseExpect, test, type Browser, type Page } from '@playwright/test';
import type { Question } from '../../lib/scenarios';
import { expectNoAxeViolations, screenshot, useSystemTheme } from './support';
import { drillKeys } from './support/drill-keys';

/**
 * The drills flow end to end: an instructor creates a drill, two students in two browser contexts take it,
 * the gradebook updates by itself, the CSV downloads and parses. Names and titles carry markup payloads
 * that must show as text. The test knows the right answers only as an instructor can: from the seeds in the
 * gradebook CSV (manage token), regenerated on the Node side — a student receives neither key nor seed.
 */
// The gradebook polls every 3 s and a dev server compiles routes on first use: allow for both.
const expect = baseExpect.configure({ timeout: 30_000 });

const XSS_TITLE = 'Week 3 <img src=x onerror="window.__xss=1">';
const XSS_NAME = '<script>window.__xss=2</script>Bob';


async function createDrill(page: Page) {
  await page.goto('/drills/new');
  await expectNoAxeViolations(page);
  await page.getByLabel('Title').fill(XSS_TITLE);
  // Kinds whose answers are plain values: uncheck the defaults, then pick three.
  for (const box of await page.getByRole('group', { name: 'Question kinds' }).getByRole('checkbox').all()) await box.uncheck();
  for (const kind of ['Source IP', 'Load share', 'Health check']) await page.getByRole('checkbox', { name: kind }).check();
  await page.getByLabel('Questions', { exact: true }).fill('3');
  await page.getByLabel('Show students the correct answers').selectOption('after-answer');
  await screenshot(page, 'drills-new');
  await page.getByRole('button', { name: 'Create drill' }).click();
  await expect(page.getByRole('heading', { name: 'Drill created' })).toBeVisible();
  const code = (await page.getByTestId('join-code').textContent())!.trim();
  const manageUrl = await page.getByLabel('Secret manage link').inputValue();
  const studentUrl = await page.getByLabel('Student link').inputValue();
  await expectNoAxeViolations(page);
  await screenshot(page, 'drills-created');
  return { code, manageUrl, studentUrl, manageToken: new URL(manageUrl).hash.replace('#key=', '') };
}

/** Joins; then the instructor's CSV gives this student's questions with their keys. */
async function join(page: Page, name: string, drill: { studentUrl: string; code: string; manageToken: string }): Promise<Question[]> {
  const joined = page.waitForResponse((r) => /\/api\/drills\/[A-Z0-9]+\/attempts$/.test(r.url()) && r.request().method() === 'POST');
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Start the drill' }).click();
  const res = await joined;
  expect(res.status()).toBe(201);
  const body = (await res.json()) as { questions: { id: string }[] };
  expect(JSON.stringify(body)).not.toContain('"key"');
  expect(JSON.stringify(body)).not.toMatch(/seed/i);
  const mine = (await drillKeys(new URL(drill.studentUrl).origin, drill.code, drill.manageToken)).get(`${name}#1`)!;
  return body.questions.map((q) => mine.get(q.id)!);
}

/** Fills the current question with the right answer (or a wrong one) and submits it. */
async function answer(page: Page, full: Question, right: boolean) {
  const form = page.getByRole('form', { name: 'Your answer' });
  // The field's type comes from the question, not from the page: the question view loads on demand, so a count of
  // what is on the page before it has arrived would pick the wrong control.
  for (const field of full.key.fields) {
    const value = right ? field.expected : (field.alternatives[0]?.value ?? field.expected);
    const shown = full.response.fields.find((f) => f.name === field.field)!;
    if (shown.type === 'choice') await form.locator(`[data-choice-field="${field.field}"] input[type=radio][value="${value}"]`).check();
    else await form.getByRole('textbox', { name: shown.label, exact: true }).fill(value);
  }
  const saved = page.waitForResponse((r) => r.url().endsWith('/answers') && r.request().method() === 'POST');
  await form.getByRole('button', { name: 'Submit answer' }).click();
  expect([200, 201]).toContain((await saved).status());
}

/** The current question's form shows the answer `answer(page, full, right)` gave. */
async function expectFormHolds(page: Page, full: Question, right: boolean) {
  const form = page.getByRole('form', { name: 'Your answer' });
  for (const field of full.key.fields) {
    const value = right ? field.expected : (field.alternatives[0]?.value ?? field.expected);
    const shown = full.response.fields.find((f) => f.name === field.field)!;
    if (shown.type === 'choice') await expect(form.locator(`[data-choice-field="${field.field}"] input[type=radio][value="${value}"]`)).toBeChecked();
    else await expect(form.getByRole('textbox', { name: shown.label, exact: true })).toHaveValue(value);
  }
}

async function newStudent(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('dialog', (d) => void d.dismiss());
  return { context, page };
}

test.describe('drills', () => {
  test('an instructor creates a drill, two students take it, the gradebook and CSV follow', async ({ page, browser }) => {
    test.setTimeout(300_000);
    const dialogs: string[] = [];
    let leaveWarnings = 0;
    page.on('dialog', (d) => {
      // Leaving the "Drill created" page before the manage link was copied or opened asks first (issue 20).
      if (d.type() === 'beforeunload') leaveWarnings += 1;
      else dialogs.push(d.message());
      void d.accept();
    });
    const drill = await createDrill(page);

    // The manage page: the token is in the fragment only.
    await page.goto(drill.manageUrl);
    expect(leaveWarnings).toBe(1);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(XSS_TITLE);
    await expect(page.getByText('No student has joined yet.')).toBeVisible();

    // Student A joins by typing the code at /drills.
    const a = await newStudent(browser);
    await a.page.goto('/drills');
    await expectNoAxeViolations(a.page);
    await a.page.getByLabel('Join code').fill(drill.code.toLowerCase());
    await a.page.getByRole('button', { name: 'Join drill' }).click();
    await expect(a.page).toHaveURL(new RegExp(`/drills/${drill.code}$`));
    await expect(a.page.getByRole('heading', { level: 1 })).toHaveText(XSS_TITLE);
    const aQuestions = await join(a.page, 'Ada', drill);
    await expectNoAxeViolations(a.page);
    await answer(a.page, aQuestions[0]!, true);
    await expect(a.page.getByText('Correct', { exact: true })).toBeVisible();
    await screenshot(a.page, 'drills-student-answered');

    // Reload resumes the attempt: the answered question keeps its feedback, and its form shows the saved answer
    // (from the server's copy of the attempt: GET /api/attempts/{id}).
    await a.page.reload();
    await expect(a.page.getByText('1 of 3 answered')).toBeVisible();
    await a.page.getByRole('button', { name: /^1/ }).click();
    await expectFormHolds(a.page, aQuestions[0]!, true);
    await a.page.getByRole('button', { name: /^2/ }).click();
    await answer(a.page, aQuestions[1]!, true);
    await a.page.getByRole('button', { name: /^3/ }).click();
    await answer(a.page, aQuestions[2]!, false);
    // The page counts the third answer (submitting also waits for answers still on their way; take-drill-submit.test).
    await expect(a.page.getByText('3 of 3 answered')).toBeVisible();
    await a.page.getByRole('button', { name: 'Submit attempt' }).click();
    await expect(a.page.getByRole('heading', { name: 'Submitted' })).toBeVisible();
    await expect(a.page.getByTestId('final-score')).toContainText('%');
    await expectNoAxeViolations(a.page);
    await screenshot(a.page, 'drills-student-submitted');

    // Student B opens the student link in another context; the name is a script payload.
    const b = await newStudent(browser);
    await b.page.goto(drill.studentUrl);
    const bQuestions = await join(b.page, XSS_NAME, drill);
    await answer(b.page, bQuestions[0]!, false);

    // The gradebook updates by polling: both students, B's name as text.
    await expect(page.getByRole('rowheader', { name: 'Ada' })).toBeVisible({ timeout: 15_000 });
    await expect(page.getByRole('rowheader', { name: XSS_NAME })).toBeVisible({ timeout: 15_000 });
    await expect(page.getByRole('row', { name: /Ada/ })).toContainText('Submitted');
    await expect(page.getByRole('table', { name: 'Per question' })).toBeVisible();
    await expectNoAxeViolations(page);
    await screenshot(page, 'drills-gradebook');

    // CSV: downloads and parses, one row per student and question.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download CSV' }).click();
    const file = await (await download).path();
    const lines = readFileSync(file, 'utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe('drill,student,same_name,attempt,attempt_id,status,question,kind,difficulty,seed,answer,score,misconception,misconception_label');
    expect(lines).toHaveLength(1 + 2 * 3);
    expect(lines.filter((l) => l.includes(',Ada,'))).toHaveLength(3);

    // No payload ran anywhere; the manage token never reached a student page.
    for (const p of [page, a.page, b.page]) expect(await p.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
    for (const p of [a.page, b.page]) {
      expect(await p.content()).not.toContain(drill.manageToken);
      expect(await p.evaluate(() => JSON.stringify(localStorage))).not.toContain(drill.manageToken);
    }
    const studentHtml = await (await page.request.get(drill.studentUrl)).text();
    expect(studentHtml).not.toContain(drill.manageToken);

    // Close from the manage page: a new student is turned away.
    await page.getByRole('button', { name: 'Close drill' }).click();
    await expect(page.getByTestId('drill-phase')).toHaveText('closed');
    const c = await newStudent(browser);
    await c.page.goto(drill.studentUrl);
    await expect(c.page.getByText('This drill is closed.')).toBeVisible();
    await expect(c.page.getByLabel('Your name')).toHaveCount(0);

    // Dark mode keeps the gradebook readable (axe checks contrast).
    await useSystemTheme(page, 'dark');
    await expect(page.getByRole('rowheader', { name: 'Ada' })).toBeVisible();
    await expectNoAxeViolations(page);
    await screenshot(page, 'drills-gradebook-dark');
    await Promise.all([a.context.close(), b.context.close(), c.context.close()]);
  });

  test('an unknown code gets a clear message, keyboard only', async ({ page }) => {
    await page.goto('/drills');
    await page.getByLabel('Join code').focus();
    await page.keyboard.type('ZZZZZZ');
    await page.keyboard.press('Enter');
    await expect(page.locator('#code-error')).toContainText('No drill has the code “ZZZZZZ”');
    await expect(page.getByLabel('Join code')).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(page);
  });

  test('the form names every invalid field', async ({ page }) => {
    await page.goto('/drills/new');
    for (const box of await page.getByRole('group', { name: 'Question kinds' }).getByRole('checkbox').all()) await box.uncheck();
    await page.getByLabel('Questions', { exact: true }).fill('0');
    await page.getByRole('button', { name: 'Create drill' }).click();
    // The summary names the fields (issue 20), each message sits beside its field.
    await expect(page.locator('#form-error')).toContainText('Check Title, Question kinds and Questions');
    await expect(page.locator('#title-error')).toBeVisible();
    await expect(page.locator('#kinds-error')).toContainText('at least one');
    await expect(page.locator('#count-error')).toBeVisible();
    await expect(page.getByLabel('Title')).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(page);
    await screenshot(page, 'drills-new-errors');
  });

  test('security headers are on drill pages and API responses', async ({ page }) => {
    for (const path of ['/drills', '/drills/new', '/api/drills/ZZZZZZ']) {
      const res = await page.request.get(path);
      const h = res.headers();
      expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(h['content-security-policy']).toContain("default-src 'self'");
      expect(h['x-content-type-options']).toBe('nosniff');
      expect(h['referrer-policy']).toBe('no-referrer');
    }
  });
});
