import type { z } from 'zod';
import type { CreatePortalRequestBody, PortalRequest } from '@switchboard/contracts';
import { systemActor, type AppContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { AppError, invalid } from '../../platform/http/errors.ts';
import { attachReceivedFiles, createCase } from '../cases/index.ts';
import { portalTopics } from './form.ts';
import { getRequest, viewerOf } from './queries.ts';
import type { CustomerPrincipal } from './sessions.ts';
import { portalMaxBytes, takeUploads } from './uploads.ts';

/**
 * A customer opens a request from the portal: a case on channel 'portal' with the customer as
 * requester, the chosen topic's team, the customer-visible fields they filled, and their text as
 * the first (inbound) message with the files they uploaded. Routing, SLAs and automations react
 * to it like to any new case.
 */
export async function createPortalRequest(app: AppContext, principal: CustomerPrincipal, tx: Tx, input: z.output<typeof CreatePortalRequestBody>): Promise<PortalRequest> {
  const topics = await portalTopics(tx);
  const topic = input.teamId ? topics.find((t) => t.teamId === input.teamId) : undefined;
  if (input.teamId && !topic) throw invalid('body.teamId', 'is not a topic of the portal');
  if (!input.teamId && topics.length > 0) throw invalid('body.teamId', 'choose what your request is about');
  const allowed = new Map((topic?.fields ?? []).map((f) => [f.key, f]));
  for (const key of Object.keys(input.customFields)) {
    if (!allowed.has(key)) throw invalid(`body.customFields.${key}`, 'is not a field of this form');
  }
  for (const f of allowed.values()) {
    const v = input.customFields[f.key];
    if (f.required && (v === undefined || v === null || v === '')) throw invalid(`body.customFields.${f.key}`, 'is required');
  }
  const files = await takeUploads(tx, principal, input.uploadIds);
  let created;
  try {
    created = await createCase(app, systemActor, tx, {
      subject: input.subject,
      requesterId: principal.customerId,
      channel: 'portal',
      priority: 'normal',
      tags: [],
      teamId: input.teamId ?? null,
      customFields: input.customFields,
      message: { body: input.body, direction: 'inbound' },
    });
  } catch (err) {
    // A field the team requires but customers do not see: the customer cannot fix that, and its
    // key is not theirs to learn. The admin screen warns about such topics.
    if (err instanceof AppError && err.code === 'validation_failed' && err.errors.some((e) => e.field.startsWith('body.customFields.') && !allowed.has(e.field.slice(18)))) {
      throw new AppError('unprocessable', 'Requests about this topic cannot be sent from the portal at the moment. Please choose another topic or write to us by email.');
    }
    throw err;
  }
  if (files.length > 0) {
    const { rows } = await tx.query<{ id: number }>(`select id::int as id from case_entries where case_id = $1 and kind = 'message' order by id limit 1`, [created.id]);
    await attachReceivedFiles(tx, created.id, rows[0]!.id, files, portalMaxBytes(app));
  }
  return getRequest(tx, await viewerOf(tx, principal), created.id);
}
