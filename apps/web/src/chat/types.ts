/** Chat types of the web app, inferred from the shared zod schemas (types only). */
import type { z } from 'zod';
import type * as C from '@switchboard/contracts';

export type ChatChannel = z.infer<typeof C.ChatChannel>;
export type ChatChannelBody = z.input<typeof C.CreateChatChannelBody>;
export type ChatCaseState = z.infer<typeof C.ChatCaseState>;
export type ChatFieldMode = z.infer<typeof C.ChatFieldMode>;
