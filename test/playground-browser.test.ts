// The playground in a real browser: the machine's Chromium, driven by playwright-core, against the
// playground server and its embedded sandbox. Skipped (with a message) only when no Chromium is
// installed outside CI; under CI a missing Chromium fails.

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { packageRoot } from '../connector/paths.js';
import { startPlayground, type Playground } from '../playground/server.js';
import { defaultSeed } from '../sandbox/server.js';
import { chromiumPath, cliErrorFor, underCi } from './support.js';

const artifacts = join(packageRoot, 'test-artifacts');
const runInBrowser = chromiumPath !== undefined || underCi;
if (!runInBrowser) {
  console.warn('Skipping the playground browser tests: no Chromium at /usr/bin/chromium (install it with `apt-get install -y chromium`, or set CHROMIUM_PATH).');
}

let playground: Playground;
let browser: BrowserContext;
let profile: string;
let page: Page;

import.meta.jest.setTimeout(30_000);

(runInBrowser ? describe : describe.skip)('the playground page in Chromium', () => {
  beforeAll(async () => {
    playground = await startPlayground({ env: {} });
    profile = mkdtempSync(join(tmpdir(), 'playground-chromium-'));
    // A fresh profile (playwright passes it as --user-data-dir).
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath ?? '/usr/bin/chromium',
      headless: true,
      viewport: { width: 1280, height: 1000 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await playground?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  beforeEach(async () => {
    page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(playground.url);
  });

  afterEach(async () => {
    await page?.close();
  });

  /** Picks an operation from the list, the way a person does: search, then click. */
  const pick = async (search: string, name: string): Promise<void> => {
    await page.getByLabel('Search operations').fill(search);
    await page.locator(`a[data-operation="${name}"]`).click();
    await page.locator('article.operation h1').waitFor();
  };

  /** A lookup dropdown once its DDL has answered. */
  const dropdown = async (id: string): Promise<Locator> => {
    const select = page.locator(`select#${id}`);
    await expectSoon(async () => (await select.getAttribute('aria-busy')) === 'false');
    return select;
  };

  /** The values of a dropdown's choices, read at once (the list changes while a DDL answers). */
  const optionValues = async (select: Locator): Promise<string[]> =>
    select.locator('option[data-value]').evaluateAll((options) => options.map((option) => (option as unknown as { getAttribute(name: string): string | null }).getAttribute('data-value') ?? ''));

  /** The field's wrapper as the stock renderer draws it (its label points at the input). */
  const fieldOf = (id: string): Locator => page.locator(`.form-group:has(> label[for="${id}"])`);

  test('lists every operation grouped by resource, and the search box narrows the list', async () => {
    const manifest = (await (await fetch(`${playground.url}/api/manifest`)).json()) as { operations: unknown[] };
    await page.locator('nav a[data-operation]').first().waitFor();
    expect(await page.locator('nav a[data-operation]').count()).toBe(manifest.operations.length);
    expect(await page.locator('nav .group h2').allTextContents()).toEqual(expect.arrayContaining(['Calls', 'People', 'Cadence memberships', 'Steps']));
    await page.getByLabel('Search operations').fill('create_call');
    await expectSoon(async () => (await page.locator('nav a[data-operation]').count()) === 1);
    expect(await page.locator('nav a[data-operation]').getAttribute('data-operation')).toBe('create_call');
  });

  test('every operation’s form draws without a page error', async () => {
    const manifest = (await (await fetch(`${playground.url}/api/manifest`)).json()) as { operations: Array<{ name: string; title: string }> };
    const failures: string[] = [];
    page.on('pageerror', (error) => failures.push(`${page.url()}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') failures.push(`${page.url()}: ${message.text()}`);
    });
    for (const operation of manifest.operations) {
      await page.evaluate(`location.hash = ${JSON.stringify(operation.name)}`);
      await expectSoon(async () => (await page.locator('article.operation h1').textContent()) === operation.title);
      expect([operation.name, await page.getByRole('button', { name: 'Run' }).count()]).toEqual([operation.name, 1]);
    }
    expect(failures).toEqual([]);
  }, 120_000);

  test('create_call: choose the person and a disposition from their dropdowns, run, see the created call', async () => {
    await pick('call', 'create_call');
    const person = await dropdown('root_fields_person_id');
    expect((await optionValues(person)).length).toBeGreaterThan(1);
    await page.getByLabel('Search Person').fill('olivia');
    await expectSoon(async () => JSON.stringify(await optionValues(person)) === '["3001"]');
    await person.selectOption({ index: 1 });
    const disposition = await dropdown('root_fields_disposition');
    await disposition.selectOption({ label: 'Connected' });
    expect(await page.locator('details.advanced').getAttribute('open')).toBeNull();
    mkdirSync(artifacts, { recursive: true });
    await page.setViewportSize({ width: 1280, height: 1500 });
    await page.screenshot({ path: join(artifacts, 'playground-create-call.png'), fullPage: true });

    await page.getByRole('button', { name: 'Run' }).click();
    const output = page.locator('pre.output');
    await output.waitFor();
    const created = JSON.parse((await output.textContent()) ?? '') as { data: { id: number; disposition: string; called_person: { id: number } } };
    expect(created.data).toMatchObject({ disposition: 'Connected', called_person: { id: 3001 } });
    expect(await page.locator('.request-line').allTextContents()).toEqual(['POST /v2/activities/calls']);
    expect(JSON.parse((await page.locator('pre.request-body').textContent()) ?? '')).toEqual({ person_id: 3001, disposition: 'Connected' });
    expect(await page.locator('.request-auth').textContent()).toBe('Authorization: Bearer [redacted]');

    await page.goto(`${playground.url}/#get_call`);
    const call = await dropdown('root_call_id');
    expect(await optionValues(call)).toContain(String(created.data.id));
  });

  test('an invalid input: the error as the CLI words it, and the bad fields marked', async () => {
    await pick('call', 'create_call');
    await page.locator('#root_fields_duration').fill('-5');
    await page.getByRole('button', { name: 'Run' }).click();
    const error = page.getByRole('alert');
    await error.waitFor();
    const message = await error.textContent();
    expect(message).toMatch(/^error: Invalid input for create_call: fields\.person_id is required; fields\.duration must be >= 0\./);
    expect(message).toBe(await cliErrorFor('create_call', { fields: { duration: -5 } }, playground.target.baseUrl));
    expect(await page.locator('.nothing-sent').textContent()).toBe('Nothing was sent.');
    for (const [id, message] of [
      ['root_fields_person_id', 'is required'],
      ['root_fields_duration', 'must be >= 0'],
    ]) {
      const field = fieldOf(id);
      expect(await field.getAttribute('class')).toContain('has-error');
      expect(await field.locator('.text-danger').allTextContents()).toContain(message);
    }
    expect(await fieldOf('root_fields_to').getAttribute('class')).not.toContain('has-error');
  });

  test('a step lookup lists only the chosen cadence’s steps, and follows a change of cadence', async () => {
    const stepsOf = (cadence: number) => (defaultSeed.steps as Array<{ id: number; cadence: { id: number } }>).filter((step) => step.cadence.id === cadence).map((step) => String(step.id));
    await pick('cadence membership', 'create_cadence_membership');
    const cadence = await dropdown('root_fields_cadence_id');
    await cadence.selectOption({ label: 'Inbound Demo Follow-up' });
    await expectSoon(async () => JSON.stringify(await optionValues(await dropdown('root_fields_step_id'))) === JSON.stringify(stepsOf(502)));
    const steps = await dropdown('root_fields_step_id');
    await steps.selectOption({ index: 2 });
    expect(await steps.locator('option:checked').getAttribute('data-value')).toBe(stepsOf(502)[1]);

    await cadence.selectOption({ label: 'Outbound - VP of Sales' });
    await expectSoon(async () => JSON.stringify(await optionValues(await dropdown('root_fields_step_id'))) === JSON.stringify(stepsOf(501)));
    expect(await page.locator('select#root_fields_step_id').inputValue()).toBe('');
  });

  test('advanced fields fold away and enum labels show', async () => {
    await pick('create person', 'create_person');
    const fold = page.locator('details.advanced').first();
    const crmId = fold.locator('#root_fields_crm_id');
    expect([await fold.getAttribute('open'), await crmId.isVisible()]).toEqual([null, false]);
    await fold.locator('summary').click();
    expect([await fold.getAttribute('open'), await crmId.isVisible()]).toEqual(['', true]);
    expect(await page.locator('#root_fields_first_name').isVisible()).toBe(true);
    expect(await page.locator('select#root_fields_job_seniority option').allTextContents()).toEqual(expect.arrayContaining(['Individual contributor', 'Vice president']));
  });
});

/** Waits until `condition` holds (the page answers asynchronously); fails after 30 s (a loaded CI machine shares two cores with Chromium). */
const expectSoon = async (condition: () => Promise<boolean>): Promise<void> => {
  const deadline = Date.now() + 30_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('The page did not reach the expected state within 30 s.');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};
