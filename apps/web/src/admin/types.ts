/** Types of the admin screens' API answers, inferred from the shared schemas (types only). */
import type { z } from 'zod';
import type * as C from '@switchboard/contracts';

export type CreatedUser = z.infer<typeof C.CreatedUser>;
export type IssuedInvitation = z.infer<typeof C.IssuedInvitation>;
export type StaffRole = z.infer<typeof C.StaffRole>;
