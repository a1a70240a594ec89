import { useEffect, useState } from 'react';

export interface DraftAttachment {
  id: string;
  fileName: string;
  size: number;
}

export interface Draft {
  body: string;
  attachments: DraftAttachment[];
}

const empty: Draft = { body: '', attachments: [] };
const key = (caseId: string, mode: string) => `sb.draft.${caseId}.${mode}`;

function read(caseId: string, mode: string): Draft {
  try {
    const raw = localStorage.getItem(key(caseId, mode));
    return raw ? { ...empty, ...(JSON.parse(raw) as Draft) } : empty;
  } catch {
    return empty;
  }
}

/**
 * A reply or note being written, kept in this browser so it survives a reload or a closed tab.
 * Uploaded attachments are on the server already; the draft keeps their ids.
 */
export function useDraft(caseId: string, mode: 'reply' | 'note') {
  const [draft, setDraft] = useState<Draft>(() => read(caseId, mode));
  const [loadedFor, setLoadedFor] = useState(`${caseId}/${mode}`);
  if (loadedFor !== `${caseId}/${mode}`) {
    setLoadedFor(`${caseId}/${mode}`);
    setDraft(read(caseId, mode));
  }
  useEffect(() => {
    const k = key(caseId, mode);
    const timer = setTimeout(() => {
      if (!draft.body && !draft.attachments.length) localStorage.removeItem(k);
      else localStorage.setItem(k, JSON.stringify(draft));
    }, 250);
    return () => clearTimeout(timer);
  }, [caseId, mode, draft]);
  const clear = () => {
    localStorage.removeItem(key(caseId, mode));
    setDraft(empty);
  };
  return { draft, setDraft, clear };
}
