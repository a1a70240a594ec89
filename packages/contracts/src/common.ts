import { z } from 'zod';

export const languages = ['en', 'de', 'et', 'tr'] as const;
export const Language = z.enum(languages);
export const Id = z.uuid({ error: 'must be a UUID' });
export const IdParams = z.object({ id: Id }).strict();
export const Timestamp = z.iso.datetime({ offset: true });
export const Tag = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[^\s,]+$/, 'a tag has no spaces or commas')
  .transform((t) => t.toLowerCase());
export const Tags = z.array(Tag).max(50);
export const TimeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'is not an IANA time zone such as Europe/Berlin');

/** Cursor pagination: pass `nextCursor` back as `cursor` for the next page. */
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** Values of custom fields, keyed by the field's key; null clears a value. */
export const CustomFieldValues = z.record(
  z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, 'is not a field key'),
  z.union([z.string().max(10_000), z.number(), z.boolean(), z.null()]),
);
