import type { FlowText } from '@switchboard/contracts';

/** A text in English, German, Estonian and Turkish (the order every demo flow writes them in). */
export const t = (en: string, de: string, et: string, tr: string): FlowText => ({ en, de, et, tr });

/** The demo company's teams the flows hand cases to. */
export interface DemoTeams {
  technical: string;
  billing: string;
  returns: string;
  reservations: string;
}
