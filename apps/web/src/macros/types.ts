/** Macro types, inferred from the shared zod schemas (types only: no zod in the bundle). */
import type { z } from 'zod';
import type * as C from '@switchboard/contracts';

export type Macro = z.infer<typeof C.Macro>;
export type MacroAction = z.infer<typeof C.MacroAction>;
export type MacroTexts = z.infer<typeof C.MacroTexts>;
export type MacroRendering = z.infer<typeof C.MacroRendering>;
export type MacroApplied = z.infer<typeof C.MacroApplied>;
export type MacroPreview = z.infer<typeof C.MacroPreview>;
export type MacroAppliedActivity = z.infer<typeof C.MacroAppliedActivity>;
export type CreateMacroBody = z.input<typeof C.CreateMacroBody>;
export type UpdateMacroBody = z.input<typeof C.UpdateMacroBody>;
export type MacroLanguage = Macro['defaultLanguage'];
