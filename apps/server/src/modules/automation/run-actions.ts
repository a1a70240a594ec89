import type { Action, AutomationRule } from '@switchboard/contracts';
import { systemActor, type AppContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { queueMail } from '../../platform/mail/index.ts';
import { addEntry, updateCase } from '../cases/index.ts';
import type { CaseSnapshot } from './queries.ts';
import { queueRuleDelivery } from './webhooks/fan-out.ts';

type CaseChanges = Parameters<typeof updateCase>[5];
type EmailTemplates = Extract<Action, { type: 'send_email' }>['templates'];

/** Fills {{customer.name}}, {{case.number}}, {{case.subject}}, {{agent.name}}; unknown placeholders stay empty. */
export function renderTemplate(text: string, vars: Record<string, string>): string {
  return text.replace(/\{\{\s*([a-z]+\.[a-z]+)\s*\}\}/g, (_, key: string) => vars[key] ?? '');
}

/** The customer's language when there is a template for it, else English. */
export function pickTemplate(templates: EmailTemplates, language: string | null): EmailTemplates['en'] {
  const lang = (language ?? 'en') as keyof EmailTemplates;
  return templates[lang] ?? templates.en;
}

/**
 * Carries out a rule's actions on one case as the system: all field changes in one `updateCase`
 * (one change entry, one event), then emails, webhooks, and one internal note "Automation: <rule>"
 * saying what it did, so the timeline tells who changed the case. Returns whether anything happened.
 */
export async function runActions(app: AppContext, tx: Tx, rule: Pick<AutomationRule, 'id' | 'name' | 'actions'>, snap: CaseSnapshot): Promise<boolean> {
  const changes: CaseChanges = {};
  const closed = snap.status === 'closed';
  const tags = new Set(snap.facts.tags);
  const customFields: NonNullable<CaseChanges['customFields']> = {};
  const notes: string[] = [];
  const done: string[] = [];
  let tagsTouched = false;

  for (const a of rule.actions) {
    // A closed case keeps its record: only its tags may still change (as for people).
    if (closed && a.type !== 'add_tags' && a.type !== 'remove_tags' && a.type !== 'add_note' && a.type !== 'webhook') continue;
    if (a.type === 'assign') {
      if (a.userId !== undefined) changes.assigneeId = a.userId;
      if (a.teamId !== undefined) changes.teamId = a.teamId;
    } else if (a.type === 'set_status') changes.status = a.status;
    else if (a.type === 'set_priority') changes.priority = a.priority;
    else if (a.type === 'set_field') customFields[a.key] = a.value;
    else if (a.type === 'add_tags') {
      a.tags.forEach((t) => tags.add(t));
      tagsTouched = true;
    } else if (a.type === 'remove_tags') {
      a.tags.forEach((t) => tags.delete(t));
      tagsTouched = true;
    } else if (a.type === 'add_note') notes.push(a.body);
  }
  if (tagsTouched) changes.tags = [...tags];
  if (Object.keys(customFields).length > 0) changes.customFields = customFields;

  // Closing comes last, so an email of the same rule can still be recorded on the timeline.
  const closing = changes.status === 'closed';
  if (closing) delete changes.status;
  let agentName = snap.assigneeName ?? '';
  if (Object.keys(changes).length > 0) {
    const updated = await updateCase(app, systemActor, tx, snap.id, 'current', changes);
    agentName = updated.assignee?.name ?? '';
    if (updated.version !== snap.version) done.push(...describe(changes, snap));
  }

  for (const a of rule.actions) {
    if (a.type === 'send_email' && !closed) {
      if (!snap.customerEmail) {
        done.push('email not sent: the customer has no email address');
        continue;
      }
      const template = pickTemplate(a.templates, snap.facts.customer.language);
      const vars = { 'customer.name': snap.customerName, 'case.number': String(snap.number), 'case.subject': snap.subject, 'agent.name': agentName };
      const subject = renderTemplate(template.subject, vars).replace(/[\r\n]+/g, ' ');
      const text = renderTemplate(template.body, vars);
      await queueMail(app, tx, {
        to: [snap.customerEmail],
        subject,
        text,
        // Tells the customer's autoresponder not to answer, which would start a mail loop.
        headers: { 'Auto-Submitted': 'auto-generated', 'X-Switchboard-Case': String(snap.number) },
        ref: { kind: 'case', id: snap.id },
      });
      await addEntry(app, systemActor, tx, snap.id, { kind: 'message', direction: 'outbound', channel: 'email', body: text });
      done.push(`emailed ${snap.customerEmail}`);
    } else if (a.type === 'webhook') {
      const name = await queueRuleDelivery(app, tx, a.endpointId, { rule: { id: rule.id, name: rule.name }, case: snapshotData(snap) });
      if (name) done.push(`webhook ${name} called`);
    }
  }

  if (closing) {
    await updateCase(app, systemActor, tx, snap.id, 'current', { status: 'closed' });
    done.push('status closed');
  }
  if (done.length === 0 && notes.length === 0) return false;
  const head = `Automation: ${rule.name}${done.length ? ` — ${done.join('; ')}` : ''}`;
  await addEntry(app, systemActor, tx, snap.id, { kind: 'note', body: [head, ...notes].join('\n\n') });
  return true;
}

/** Plain words for the change entry's note; the change entry itself has the exact values. */
function describe(changes: CaseChanges, snap: CaseSnapshot): string[] {
  const out: string[] = [];
  if (changes.status && changes.status !== snap.status) out.push(`status ${changes.status}`);
  if (changes.priority && changes.priority !== snap.facts.priority) out.push(`priority ${changes.priority}`);
  if (changes.assigneeId !== undefined && changes.assigneeId !== snap.facts.assigneeId) out.push(changes.assigneeId ? 'assigned' : 'unassigned');
  if (changes.teamId !== undefined && changes.teamId !== snap.facts.teamId) out.push(changes.teamId ? 'team changed' : 'team cleared');
  if (changes.tags) {
    const before = new Set(snap.facts.tags);
    const after = new Set(changes.tags);
    const added = changes.tags.filter((t) => !before.has(t));
    const removed = snap.facts.tags.filter((t) => !after.has(t));
    if (added.length) out.push(`tagged ${added.join(', ')}`);
    if (removed.length) out.push(`untagged ${removed.join(', ')}`);
  }
  for (const [key, value] of Object.entries(changes.customFields ?? {})) {
    if (JSON.stringify(snap.facts.customFields[key] ?? null) !== JSON.stringify(value)) out.push(`${key} set`);
  }
  return out;
}

/** What a webhook called by a rule receives about the case (no timeline: notes stay inside). */
export function snapshotData(snap: CaseSnapshot): Record<string, unknown> {
  const f = snap.facts;
  return {
    caseId: snap.id,
    number: snap.number,
    subject: snap.subject,
    status: f.status,
    priority: f.priority,
    channel: f.channel,
    teamId: f.teamId,
    assigneeId: f.assigneeId,
    tags: f.tags,
    customFields: f.customFields,
  };
}
