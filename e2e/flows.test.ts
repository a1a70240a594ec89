import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { apiAs, expectAccessible, logins, newContext, signIn } from './harness.ts';
import { storySetup } from './story.ts';

const env = storySetup();

type Timeline = { items: Array<{ activity: { type: string; data: Record<string, any> } | null }> };
/** The flow activities of a case's timeline, oldest first, as "type:step". */
const flowLines = (t: Timeline) => t.items.filter((e) => e.activity?.type.startsWith('flows.')).map((e) => `${e.activity!.type}:${e.activity!.data.stepId ?? ''}`);

/** Whether the element is wholly inside the window, so nobody has to scroll to reach it. */
const inView = async (page: Page, testId: string) => {
  const box = await page.getByTestId(testId).boundingBox();
  const size = page.viewportSize()!;
  return !!box && box.y >= 0 && box.y + box.height <= size.height && box.x + box.width <= size.width;
};

/** Waits until the runner shows `step`, then picks `option` there. */
async function answer(page: Page, step: string, option: string) {
  const runner = page.getByTestId('flow-runner');
  await runner.locator(`[data-testid="flow-step"][data-step="${step}"]`).waitFor();
  await runner.getByTestId(`flow-option-${option}`).click();
}

test('an agent runs a troubleshooting flow on a case and the timeline shows every step', async () => {
  const jonas = await apiAs(env.server, logins.agent);
  const { items: teams } = await jonas.call<{ items: Array<{ id: string; name: string }> }>('GET', '/teams');
  const billing = teams.find((t) => t.name === 'Billing')!;
  const returns = teams.find((t) => t.name === 'Returns')!;
  const lea = await jonas.call<{ id: string }>('POST', '/customers', { name: 'Lea Hartmann', emails: ['lea.flows.e2e@example.com'], preferredLanguage: 'de' });
  // Filed with Billing, but tagged "defective": the device flow is suggested by its tag.
  const c = await jonas.call<{ id: string; number: number }>('POST', '/cases', {
    subject: 'E2E Leitfaden: Kopfhörer gehen nicht mehr an',
    requesterId: lea.id,
    channel: 'email',
    teamId: billing.id,
    assigneeId: jonas.user.id,
    tags: ['defective'],
    // No order number yet: Returns, where the outcome hands the case, requires one.
    message: { body: 'Meine Kopfhörer sind zwei Wochen alt und lassen sich nicht mehr einschalten. Ich hätte gern einfach dasselbe Modell neu.', direction: 'inbound' },
  });

  // A common laptop screen: the suggested flow and then the running one are in view without scrolling.
  const ctx = await newContext(env.browser, env.server, { width: 1366, height: 768 });
  const page = await ctx.newPage();
  await signIn(page, logins.agent);
  await page.goto(`/cases/${c.number}`);
  const panel = page.getByTestId('flows-panel');
  const suggestion = panel.locator('[data-testid="flow-suggestion"][data-slug="broken-device"]');
  await suggestion.waitFor();
  await expect.poll(() => inView(page, 'flow-start-broken-device')).toBe(true);
  // Jonas works in German: the flow's title and the reason are shown in his language.
  expect(await suggestion.textContent()).toContain('Elektronisches Gerät funktioniert nicht');
  expect(await suggestion.textContent()).toContain('#defective');
  await panel.getByTestId('flow-start-broken-device').click();

  const runner = page.getByTestId('flow-runner');
  await runner.locator('[data-testid="flow-step"][data-step="symptom"]').waitFor();
  expect(await runner.getByTestId('flow-step').textContent()).toContain('Was stimmt mit dem Gerät nicht?');
  // The start button is gone: the first step has the focus.
  await expect.poll(() => runner.getByTestId('flow-step').evaluate((el) => el === document.activeElement)).toBe(true);
  await expect.poll(() => runner.getByTestId('flow-back').isDisabled()).toBe(true);
  await answer(page, 'symptom', 'no-power');
  // A check shows what to expect; "No" leads on to the damage question.
  await runner.locator('[data-testid="flow-step"][data-step="charge-check"]').waitFor();
  expect(await runner.getByTestId('flow-step').textContent()).toContain('Eine Ladeanzeige oder ein Batteriesymbol erscheint.');
  await answer(page, 'charge-check', 'fail');
  await answer(page, 'damage', 'damaged');
  // "Visible damage" was a slip: back to the damage question, and the other answer.
  await runner.locator('[data-testid="flow-step"][data-step="repair"]').waitFor();
  await runner.getByTestId('flow-back').click();
  await answer(page, 'damage', 'none');
  await answer(page, 'warranty', 'recent');
  await runner.locator('[data-testid="flow-step"][data-step="choice"]').waitFor();
  await expect.poll(() => runner.getByTestId('flow-path').locator('li').count()).toBe(4);
  expect(await inView(page, 'flow-step')).toBe(true);
  await expectAccessible(page, 'the case with a troubleshooting flow running');
  await answer(page, 'choice', 'replace');

  // The outcome says what it will do before the agent applies it.
  const outcome = runner.getByTestId('flow-outcome');
  await outcome.waitFor();
  expect(await outcome.getAttribute('data-kind')).toBe('replacement');
  expect(await outcome.textContent()).toContain('Kostenloser Ersatz');
  expect(await outcome.textContent()).toContain('An Returns übergeben');
  await expectAccessible(page, 'a flow outcome ready to apply');
  await runner.getByTestId('flow-note').fill('Seriennummer liegt vor, Kundin bringt die Kopfhörer in die Filiale.');
  await runner.getByTestId('flow-finish').click();

  // Returns requires the order number, which the case lacks: the runner asks for it in place, and nothing is applied yet.
  const fields = runner.getByTestId('flow-missing-fields');
  await fields.waitFor();
  expect(await fields.textContent()).toContain('Angaben für Returns');
  expect(await fields.textContent()).toContain('Order or receipt number');
  const orderNumber = fields.getByTestId('flow-field-order_number');
  await expect.poll(() => orderNumber.evaluate((el) => el === document.activeElement)).toBe(true);
  expect(flowLines(await jonas.call<Timeline>('GET', `/cases/${c.id}/timeline`)).at(-1)).toBe('flows.step:choice');
  expect(await jonas.call<{ team: { id: string }; customFields: Record<string, unknown> }>('GET', `/cases/${c.id}`)).toMatchObject({ team: { id: billing.id }, customFields: {} });
  expect(await runner.getByTestId('flow-note').inputValue()).toContain('Seriennummer liegt vor');
  await expectAccessible(page, 'a flow outcome asking for the fields its transfer needs');
  // Left empty: asked again in the browser.
  await runner.getByTestId('flow-finish').click();
  await fields.getByText('Bitte ausfüllen, um den Fall zu übergeben.').waitFor();
  await orderNumber.fill('10-66310');
  await runner.getByTestId('flow-finish').click();
  await runner.waitFor({ state: 'detached' });
  await panel.getByTestId('flow-recent').filter({ hasText: 'Ersatzantrag' }).waitFor();

  // The timeline documents every answer in the run's language, the step taken back, and the outcome.
  const flowLine = (type: string, step?: string) => page.locator(`[data-testid="timeline-flow"][data-activity="${type}"]${step ? `[data-step="${step}"]` : ''}`);
  await flowLine('flows.outcome', 'replacement').waitFor();
  expect(await flowLine('flows.started').textContent()).toContain('Elektronisches Gerät funktioniert nicht');
  expect(await flowLine('flows.step', 'symptom').textContent()).toContain('Was stimmt mit dem Gerät nicht?');
  expect(await flowLine('flows.step', 'symptom').getByTestId('flow-answer').textContent()).toContain('Es lässt sich nicht einschalten');
  expect(await flowLine('flows.step', 'charge-check').getByTestId('flow-answer').textContent()).toContain('Nein');
  expect(await flowLine('flows.step', 'damage').allTextContents()).toEqual([expect.stringContaining('Ja, sichtbare Schäden'), expect.stringContaining('Keine sichtbaren Schäden')]);
  expect(await flowLine('flows.back', 'damage').textContent()).toContain('„Ja, sichtbare Schäden“ zurückgenommen');
  expect(await flowLine('flows.step', 'warranty').getByTestId('flow-answer').textContent()).toContain('Vor weniger als 30 Tagen');
  expect(await flowLine('flows.step', 'choice').getByTestId('flow-answer').textContent()).toContain('Kostenloser Ersatz desselben Modells');
  const done = await flowLine('flows.outcome', 'replacement').textContent();
  expect(done).toContain('Ersatzantrag');
  expect(done).toContain('Returns');
  expect(done).toContain('+#free-replacement');
  expect(done).toContain('Seriennummer liegt vor');

  const timeline = await jonas.call<Timeline>('GET', `/cases/${c.id}/timeline`);
  expect(flowLines(timeline)).toEqual([
    'flows.started:',
    'flows.step:symptom',
    'flows.step:charge-check',
    'flows.step:damage',
    'flows.back:damage',
    'flows.step:damage',
    'flows.step:warranty',
    'flows.step:choice',
    'flows.outcome:replacement',
  ]);

  // The outcome's action took effect: handed over to Returns (unassigned), tagged for the replacement.
  await expect.poll(() => page.getByTestId('prop-team').inputValue()).toBe('Returns');
  await expect.poll(() => page.getByTestId('properties').textContent()).toContain('replacement-request');
  const after = await jonas.call<{ status: string; tags: string[]; team: { id: string } | null; assignee: unknown; customFields: Record<string, unknown> }>('GET', `/cases/${c.id}`);
  expect(after.team?.id).toBe(returns.id);
  expect(after.customFields).toEqual({ order_number: '10-66310' });
  expect(after.assignee).toBeNull();
  expect(after.tags.sort()).toEqual(['defective', 'free-replacement', 'replacement-request']);
  await ctx.close();
});

test('a customer walks the device flow in the help center, it does not help, and the request becomes a case that documents the path', async () => {
  const ctx = await env.browser.newContext({ baseURL: env.server.url, locale: 'en-GB', viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  await page.goto('/help/troubleshoot');
  await page.getByRole('link', { name: 'Electronic device does not work' }).click();
  await page.waitForURL(/\/help\/troubleshoot\/en\/broken-device$/);
  await page.getByTestId('flow-start').click();
  await page.waitForURL(/\/help\/troubleshoot\/en\/broken-device\/run\//);
  const step = page.getByTestId('flow-step');
  const at = async (id: string) => expect.poll(() => step.getAttribute('data-step')).toBe(id);

  await at('symptom');
  await page.getByRole('button', { name: 'It does not charge' }).click();
  await at('cable-check');
  expect(await step.textContent()).toContain('The device charges now.');
  await page.getByRole('button', { name: 'No', exact: true }).click();
  await at('damage');
  await page.getByRole('button', { name: 'Yes, visible damage' }).click();
  await at('repair');
  // Second thoughts: back to the damage question.
  await page.getByRole('button', { name: /Back/ }).click();
  await at('damage');
  await page.getByRole('button', { name: 'No visible damage' }).click();
  await at('warranty');
  await expectAccessible(page, 'a self-service troubleshooting step');
  await page.getByRole('button', { name: 'Within the two-year warranty' }).click();
  await at('warranty-repair');
  expect(await page.getByRole('heading', { name: 'Still need help?' }).count()).toBe(1);

  // The suggested repair does not solve it: the customer asks for help instead of "Yes, it is solved".
  const form = page.getByTestId('flow-help-form');
  await page.getByLabel('Your name').fill('Martin Ilves');
  await page.getByLabel('Email address').fill('martin.flows.e2e@example.com');
  await page.getByLabel(/Anything else/).fill('The warranty repair would take too long, I need the laptop for work.');
  await form.getByRole('button', { name: 'Send request' }).click();
  const ended = page.getByTestId('flow-ended');
  await ended.waitFor();
  const number = Number(/#(\d+)/.exec((await ended.textContent()) ?? '')?.[1]);
  expect(number).toBeGreaterThan(0);
  await ctx.close();

  // The case carries the whole path, so nobody has to ask again.
  const sabine = await apiAs(env.server, logins.supervisor);
  const c = await sabine.call<{ id: string; channel: string; tags: string[]; requester: { name: string } }>('GET', `/cases/${number}`);
  expect(c.channel).toBe('portal');
  expect(c.requester.name).toBe('Martin Ilves');
  expect(c.tags).toEqual(expect.arrayContaining(['self-service', 'warranty-repair']));
  const timeline = await sabine.call<Timeline>('GET', `/cases/${c.id}/timeline`);
  expect(flowLines(timeline)).toEqual(['flows.started:', 'flows.step:symptom', 'flows.step:cable-check', 'flows.step:damage', 'flows.step:warranty', 'flows.outcome:warranty-repair']);
  const steps = timeline.items.filter((e) => e.activity?.type === 'flows.step').map((e) => e.activity!.data.answerLabel);
  expect(steps).toEqual(['It does not charge', 'No', 'No visible damage', 'Within the two-year warranty']);
  const outcome = timeline.items.find((e) => e.activity?.type === 'flows.outcome')!.activity!.data;
  expect(outcome.channel).toBe('self_service');
  expect(outcome.contact).toEqual({ name: 'Martin Ilves', email: 'martin.flows.e2e@example.com' });
});

test('a supervisor opens a flow in the tree editor, adds a question without answers, and publishing is refused until the dead end is fixed', async () => {
  const ctx = await newContext(env.browser, env.server, { width: 1440, height: 900 });
  const page = await ctx.newPage();
  await signIn(page, logins.supervisor);
  await page.getByTestId('nav-flows').click();
  const row = page.locator('[data-testid="flow-row"][data-slug="wrong-price-at-till"]');
  await row.waitFor();
  // The pointer is still on the sidebar link just clicked: the active link, hovered, keeps AA contrast.
  await page.getByTestId('nav-flows').hover();
  await expectAccessible(page, 'the list of troubleshooting flows, with the active sidebar link hovered');
  await row.getByRole('link').click();

  const editor = page.getByTestId('flow-editor');
  await editor.getByTestId('flow-tree').waitFor();
  await editor.getByTestId('flow-valid').waitFor();
  expect(await editor.getByTestId('flow-tree-node').count()).toBeGreaterThan(3);
  await expect.poll(() => page.getByTestId('flow-publish').isDisabled()).toBe(true); // nothing new to publish
  await expectAccessible(page, 'the flow tree editor');

  // A new question with a text but no answers: a dead end, and reached by no answer.
  await editor.getByTestId('flow-add-step').click();
  await page.getByTestId('flow-add-question').click();
  const form = editor.getByTestId('flow-step-form');
  await expect.poll(() => form.getAttribute('data-step')).toBe('question');
  await editor.getByTestId('flow-edit-language').getByText('EN', { exact: true }).click();
  await form.getByTestId('flow-step-text').fill('Did the customer keep the receipt?');
  const deadEnd = editor.locator('[data-testid="flow-issue"][data-code="no_answers"]');
  await deadEnd.waitFor();
  expect(await deadEnd.getAttribute('data-severity')).toBe('error');
  // Sabine works in German: the validator's findings are in her language.
  expect(await deadEnd.textContent()).toContain('question: Diese Frage hat keine Antworten: Sie ist eine Sackgasse.');
  expect(await editor.locator('[data-testid="flow-issue"][data-code="unreachable"]').getAttribute('data-severity')).toBe('warning');
  expect(await editor.getByTestId('flow-issues').textContent()).toContain('1 Fehler verhindert die Veröffentlichung');

  // Unsaved: publishing waits for the save; saved: it waits for the fix.
  const publish = page.getByTestId('flow-publish');
  expect(await publish.isDisabled()).toBe(true);
  await publish.hover({ force: true });
  await page.getByRole('tooltip').filter({ hasText: 'Speichern Sie zuerst den Entwurf' }).waitFor();
  await editor.getByTestId('flow-save').click();
  await expect.poll(() => editor.getByTestId('flow-save').isDisabled()).toBe(true);
  await page.mouse.move(0, 0);
  await publish.hover({ force: true });
  await page.getByRole('tooltip').filter({ hasText: 'Beheben Sie zuerst den Fehler im Baum' }).waitFor();
  expect(await publish.isDisabled()).toBe(true);
  await expectAccessible(page, 'the flow editor with a validation error');

  // The server refuses it too, naming the problem.
  const sabine = await apiAs(env.server, logins.supervisor);
  const { items } = await sabine.call<{ items: Array<{ id: string; slug: string }> }>('GET', '/flows');
  const flow = await sabine.call<{ id: string; version: number; publishedVersion: number }>('GET', `/flows/${items.find((f) => f.slug === 'wrong-price-at-till')!.id}`);
  await expect(sabine.call('POST', `/flows/${flow.id}/publish`, { version: flow.version })).rejects.toThrow(/422.*Question \\"question\\" has no answers: it is a dead end/);
  expect(flow.publishedVersion).toBe(1);
  await ctx.close();
});
