/**
 * The main content of the self-service pages as plain HTML: one step per page, every choice a
 * submit button of a form, so the pages work without JavaScript. Every text is escaped here.
 */
import type { FlowRenderedStep, FlowRun } from '@switchboard/contracts';
import type { FieldError } from '../../../platform/http/errors.ts';
import { escapeHtml as e } from '../../knowledge/index.ts';
import type { FlowLanguage } from '../engine.ts';
import { ssText, type SelfServiceKey } from './strings.ts';

export const troubleshootBase = '/help/troubleshoot';

const css = `<style>
.flow-options{display:flex;flex-direction:column;gap:.5rem;align-items:flex-start;margin:1rem 0}
.flow-options button{min-width:14rem;text-align:left}
.flow-step{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:1.25rem 1.5rem}
.flow-step fieldset{border:0;padding:0;margin:0}
.flow-step legend{font-size:1.25rem;font-weight:600;padding:0;margin-bottom:.5rem}
.flow-expected{border-left:4px solid var(--brand);padding:.25rem .75rem;margin:.75rem 0;background:#f6f8fa}
.flow-form label{display:block;font-weight:600;margin:.75rem 0 .25rem}
.flow-form input,.flow-form textarea{font:inherit;width:100%;max-width:32rem;padding:.5rem .6rem;border:1px solid #57606a;border-radius:6px}
.flow-form .error{color:#a40e26;margin:.25rem 0 0}
.flow-form .actions{margin-top:1rem}
.flow-path{margin-top:2rem}
.flow-path li{margin:.25rem 0}
.flow-back{margin-top:1rem}
button.primary{background:var(--brand);color:#fff;border-color:var(--brand)}
</style>`;

const crumbs = (lang: FlowLanguage, title?: string) =>
  `<nav class="crumbs" aria-label="${e(ssText(lang, 'listTitle'))}"><ol><li><a href="${troubleshootBase}/${lang}">${e(ssText(lang, 'listTitle'))}</a></li>${
    title ? `<li aria-current="page">${e(title)}</li>` : ''
  }</ol></nav>`;

export interface ListedFlow {
  slug: string;
  title: string;
  description: string;
}

/** The list of public flows. */
export function listBody(lang: FlowLanguage, flows: ListedFlow[]): string {
  const items = flows.length
    ? `<ul class="cards">${flows
        .map((f) => `<li class="card"><h2><a href="${troubleshootBase}/${lang}/${e(f.slug)}">${e(f.title)}</a></h2>${f.description ? `<p>${e(f.description)}</p>` : ''}</li>`)
        .join('')}</ul>`
    : `<p>${e(ssText(lang, 'noFlows'))}</p>`;
  return `${css}<h1>${e(ssText(lang, 'listTitle'))}</h1><p class="muted">${e(ssText(lang, 'listIntro'))}</p>${items}`;
}

/** A flow's first page: what it is about and a button to start. */
export function introBody(lang: FlowLanguage, f: ListedFlow): string {
  return `${css}${crumbs(lang, f.title)}<h1>${e(f.title)}</h1>${f.description ? `<p>${e(f.description)}</p>` : ''}<p class="muted">${e(ssText(lang, 'steps'))}</p>
<form method="post" action="${troubleshootBase}/${lang}/${e(f.slug)}/start"><button type="submit" class="primary" data-testid="flow-start">${e(ssText(lang, 'start'))}</button></form>`;
}

export interface FormState {
  values: { name: string; email: string; message: string; wishedAt: string };
  errors: FieldError[];
}

function field(lang: FlowLanguage, name: keyof FormState['values'], label: SelfServiceKey, state: FormState | undefined, input: (attrs: string) => string): string {
  const err = state?.errors.find((x) => x.field === name);
  const attrs = `id="f-${name}" name="${name}"${err ? ` aria-invalid="true" aria-describedby="f-${name}-error"` : ''}`;
  return `<label for="f-${name}">${e(ssText(lang, label))}</label>${input(attrs)}${err ? `<p class="error" id="f-${name}-error">${e(err.message)}</p>` : ''}`;
}

function helpForm(lang: FlowLanguage, action: string, step: FlowRenderedStep, state: FormState | undefined): string {
  const v = state?.values ?? { name: '', email: '', message: '', wishedAt: '' };
  const summary = state?.errors.length
    ? `<div class="notice" role="alert"><p>${e(ssText(lang, 'fixErrors'))}</p><ul>${state.errors.map((x) => `<li><a href="#f-${e(x.field)}">${e(x.message)}</a></li>`).join('')}</ul></div>`
    : '';
  const time =
    step.outcome?.kind === 'appointment' ? field(lang, 'wishedAt', 'wishedAt', state, (a) => `<input ${a} type="datetime-local" required value="${e(v.wishedAt)}">`) : '';
  return `${summary}<form method="post" action="${action}" class="flow-form" data-testid="flow-help-form">
<input type="hidden" name="action" value="request"><input type="hidden" name="step" value="${e(step.id)}">
${field(lang, 'name', 'name', state, (a) => `<input ${a} type="text" required autocomplete="name" maxlength="200" value="${e(v.name)}">`)}
${field(lang, 'email', 'email', state, (a) => `<input ${a} type="email" required autocomplete="email" maxlength="254" value="${e(v.email)}">`)}
${time}
${field(lang, 'message', 'message', state, (a) => `<textarea ${a} rows="4" maxlength="5000">${e(v.message)}</textarea>`)}
<div class="sr-only" aria-hidden="true"><label for="f-website">${e(ssText(lang, 'honeypot'))}</label><input id="f-website" name="website" type="text" tabindex="-1" autocomplete="off"></div>
<div class="actions"><button type="submit" class="primary">${e(ssText(lang, 'send'))}</button></div>
</form>`;
}

function stepContent(lang: FlowLanguage, action: string, step: FlowRenderedStep, state: FormState | undefined): string {
  const hidden = `<input type="hidden" name="action" value="answer"><input type="hidden" name="step" value="${e(step.id)}">`;
  const detail = step.detail ? `<p>${e(step.detail)}</p>` : '';
  const buttons = (options: { id: string; label: string }[]) =>
    `<div class="flow-options">${options.map((o) => `<button type="submit" name="answer" value="${e(o.id)}">${e(o.label)}</button>`).join('')}</div>`;
  switch (step.type) {
    case 'question':
      return `<form method="post" action="${action}">${hidden}<fieldset><legend>${e(step.text)}</legend>${detail}${buttons(step.options)}</fieldset></form>`;
    case 'instruction':
      return `<form method="post" action="${action}">${hidden}<p class="lead"><strong>${e(step.text)}</strong></p>${detail}${buttons([{ id: 'done', label: ssText(lang, 'did') }])}</form>`;
    case 'check':
      return `<form method="post" action="${action}">${hidden}<fieldset><legend>${e(step.text)}</legend>${detail}
<div class="flow-expected"><strong>${e(ssText(lang, 'expected'))}:</strong> ${e(step.expected ?? '')}</div><p>${e(ssText(lang, 'checkAsk'))}</p>${buttons([
        { id: 'pass', label: ssText(lang, 'pass') },
        { id: 'fail', label: ssText(lang, 'fail') },
      ])}</fieldset></form>`;
    case 'outcome': {
      const o = step.outcome;
      const article = o?.article?.url ? `<p><a href="${e(o.article.url)}">${e(ssText(lang, 'readArticle'))}${o.article.title ? `: ${e(o.article.title)}` : ''}</a></p>` : '';
      const selfSolvable = o?.kind === 'resolved' || o?.kind === 'article';
      const solved = selfSolvable
        ? `<form method="post" action="${action}"><input type="hidden" name="action" value="solved"><input type="hidden" name="step" value="${e(step.id)}"><p><strong>${e(ssText(lang, 'solvedAsk'))}</strong></p><div class="flow-options"><button type="submit" class="primary" data-testid="flow-solved">${e(ssText(lang, 'solvedYes'))}</button></div></form>`
        : '';
      const heading = selfSolvable ? ssText(lang, 'stillNeedHelp') : ssText(lang, 'handOver');
      const intro = selfSolvable ? ssText(lang, 'stillNeedHelpText') : ssText(lang, 'handOverText');
      return `<h2>${e(step.text)}</h2>${detail}${article}${solved}<h2>${e(heading)}</h2><p>${e(intro)}</p>${helpForm(lang, action, step, state)}`;
    }
  }
}

/** The page of a run's current step: the step, "back", and the answers so far. */
export function stepBody(lang: FlowLanguage, slug: string, token: string, run: FlowRun, options: { notice?: string; form?: FormState } = {}): string {
  const action = `${troubleshootBase}/${lang}/${e(slug)}/run/${e(token)}`;
  const notice = options.notice ? `<p class="notice" role="status">${e(options.notice)}</p>` : '';
  const back = run.path.length
    ? `<form method="post" action="${action}" class="flow-back"><input type="hidden" name="action" value="back"><input type="hidden" name="step" value="${e(run.current.id)}"><button type="submit">← ${e(ssText(lang, 'back'))}</button></form>`
    : '';
  const path = run.path.length
    ? `<section class="flow-path" aria-labelledby="flow-path-h"><h2 id="flow-path-h">${e(ssText(lang, 'answers'))}</h2><ol>${run.path.map((p) => `<li>${e(p.text)} — <strong>${e(p.answerLabel)}</strong></li>`).join('')}</ol></section>`
    : '';
  return `${css}${crumbs(lang, run.flow.title)}<h1>${e(run.flow.title)}</h1>${notice}<p class="muted">${e(ssText(lang, 'stepCount', { n: run.path.length + 1 }))}</p>
<div class="flow-step" data-testid="flow-step" data-step="${e(run.current.id)}">${stepContent(lang, action, run.current, options.form)}</div>${back}${path}`;
}

/** A finished run: solved, or the request it became. */
export function endedBody(lang: FlowLanguage, slug: string, title: string, result: { solved: boolean; requestNumber: number | null }): string {
  const message = result.requestNumber ? ssText(lang, 'requestCreated', { number: result.requestNumber }) : result.solved ? ssText(lang, 'solvedThanks') : ssText(lang, 'ended');
  return `${css}${crumbs(lang, title)}<h1>${e(title)}</h1><p class="notice" role="status" data-testid="flow-ended">${e(message)}</p>
<p><a href="${troubleshootBase}/${lang}/${e(slug)}">${e(ssText(lang, 'startAgain'))}</a> · <a href="${troubleshootBase}/${lang}">${e(ssText(lang, 'otherGuides'))}</a></p>`;
}

/** A not-found or bad-request page. */
export function problemBody(lang: FlowLanguage, status: number): string {
  const [title, text] = status === 404 ? [ssText(lang, 'notFound'), ssText(lang, 'notFoundText')] : [ssText(lang, 'badRequest'), ssText(lang, 'badRequestText')];
  return `${css}<h1>${e(title)}</h1><p>${e(text)}</p><p><a href="${troubleshootBase}/${lang}">${e(ssText(lang, 'otherGuides'))}</a></p>`;
}
