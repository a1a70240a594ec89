/**
 * The few words a flow's run needs besides the flow's own texts — the generic answers of
 * instructions and checks, written into the timeline in the run's language, so the record reads
 * the same in every client and in exports.
 */
import type { FlowOutcomeKind } from '@switchboard/contracts';
import type { FlowLanguage } from './engine.ts';

interface Words {
  done: string;
  pass: string;
  fail: string;
  outcome: Record<FlowOutcomeKind, string>;
}

export const flowWords: Record<FlowLanguage, Words> = {
  en: {
    done: 'Done',
    pass: 'Yes, as expected',
    fail: 'No',
    outcome: {
      resolved: 'Resolved',
      article: 'Article sent',
      refund: 'Refund request',
      replacement: 'Replacement request',
      escalate: 'Escalated',
      appointment: 'Appointment request',
    },
  },
  de: {
    done: 'Erledigt',
    pass: 'Ja, wie erwartet',
    fail: 'Nein',
    outcome: {
      resolved: 'Gelöst',
      article: 'Artikel gesendet',
      refund: 'Erstattungsantrag',
      replacement: 'Ersatzantrag',
      escalate: 'Eskaliert',
      appointment: 'Terminanfrage',
    },
  },
  et: {
    done: 'Tehtud',
    pass: 'Jah, nagu oodatud',
    fail: 'Ei',
    outcome: {
      resolved: 'Lahendatud',
      article: 'Artikkel saadetud',
      refund: 'Raha tagastamise taotlus',
      replacement: 'Asendustoote taotlus',
      escalate: 'Edasi suunatud',
      appointment: 'Aja broneerimise soov',
    },
  },
  tr: {
    done: 'Tamamlandı',
    pass: 'Evet, beklendiği gibi',
    fail: 'Hayır',
    outcome: {
      resolved: 'Çözüldü',
      article: 'Makale gönderildi',
      refund: 'İade talebi',
      replacement: 'Değişim talebi',
      escalate: 'Üst birime iletildi',
      appointment: 'Randevu talebi',
    },
  },
};

/** Tags each outcome kind adds to the case, besides the outcome's own. */
export const kindTags: Record<FlowOutcomeKind, string[]> = {
  resolved: [],
  article: [],
  refund: ['refund-request'],
  replacement: ['replacement-request'],
  escalate: [],
  appointment: ['appointment'],
};
