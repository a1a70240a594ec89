import { z } from 'zod';
import { Id, Timestamp } from './common.ts';

/** A file uploaded by an agent, linked to a timeline entry once it is sent with a message or note. */
export const Attachment = z.object({
  id: Id,
  fileName: z.string(),
  /** As the uploader's browser named it; downloads use it only for the safe inline types below. */
  contentType: z.string(),
  size: z.number().int().describe('bytes'),
  /** An inline image of an email (referenced as cid:<contentId> in its HTML); null for other files. */
  contentId: z.string().nullable(),
  createdAt: Timestamp,
});
export type Attachment = z.infer<typeof Attachment>;

/** Ids of uploads (POST /api/v1/attachments) to link to a new timeline entry. */
export const AttachmentIds = z.array(Id).max(20);

/** Types served with their own Content-Type; everything else is served as application/octet-stream. */
export const inlineContentTypes = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf', 'text/plain'] as const;
/** Of those, the types shown in the page (Content-Disposition: inline); the rest download. */
export const inlineImageTypes = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
