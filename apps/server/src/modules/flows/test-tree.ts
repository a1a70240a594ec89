/** A small flow for the integration tests: every step type and the outcomes whose actions they check. */
import type { FlowDefinition } from '@switchboard/contracts';

/** The test tree; `escalateTo` is the team the escalation outcome transfers to. */
export function testTree(escalateTo: string, overrides: { restartText?: string } = {}): FlowDefinition {
  return {
    title: { en: 'Router has no internet', de: 'Router ohne Internet', et: 'Ruuteril pole internetti', tr: 'Modemde internet yok' },
    description: { en: 'Lights, restart, line check.' },
    start: 'lights',
    steps: [
      {
        id: 'lights',
        type: 'question',
        text: { en: 'Are the router lights on?', de: 'Leuchten die Lämpchen am Router?' },
        answers: [
          { id: 'on', label: { en: 'Yes, they are on', de: 'Ja, sie leuchten' }, next: 'restart' },
          { id: 'off', label: { en: 'No, all dark', de: 'Nein, alles dunkel' }, next: 'visit' },
          { id: 'give-up', label: { en: 'The customer wants the money back' }, next: 'refund' },
        ],
      },
      { id: 'restart', type: 'instruction', text: { en: overrides.restartText ?? 'Unplug the router for 30 seconds, then plug it in again.' }, next: 'works' },
      { id: 'works', type: 'check', text: { en: 'Open a web page.' }, expected: { en: 'The page loads.' }, pass: 'fixed', fail: 'escalate' },
      { id: 'fixed', type: 'outcome', text: { en: 'Internet works again.' }, outcome: { kind: 'resolved', tags: ['fixed-by-flow'] } },
      { id: 'escalate', type: 'outcome', text: { en: 'Line fault: the network team takes over.' }, outcome: { kind: 'escalate', tags: ['line-fault'], teamId: escalateTo } },
      { id: 'visit', type: 'outcome', text: { en: 'A technician visits.' }, outcome: { kind: 'appointment', tags: [] } },
      { id: 'refund', type: 'outcome', text: { en: 'Refund the device.' }, outcome: { kind: 'refund', tags: ['router'] } },
    ],
  };
}
