/** Portal administration types, inferred from the shared schemas (types only). */
import type { z } from 'zod';
import type * as C from '@switchboard/contracts';

export type PortalSettings = z.infer<typeof C.PortalSettings>;
export type PortalAdminConfig = z.infer<typeof C.PortalAdminConfig>;
export type WelcomeTexts = z.infer<typeof C.WelcomeTexts>;

export const settingsKey = ['portal', 'settings'] as const;
export const configKey = ['portal', 'admin'] as const;
