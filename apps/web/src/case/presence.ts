import { useEffect, useRef, useState } from 'react';
import { realtime } from '../realtime/socket.ts';

export interface Colleague {
  id: string;
  name: string;
  state: 'viewing' | 'typing';
}

/**
 * Who else has this case open right now, and who is typing on it (collision detection). Announces
 * this tab as viewing while mounted; `setTyping` tells the others while the agent writes.
 */
export function usePresence(caseId: string | undefined) {
  const [others, setOthers] = useState<Colleague[]>([]);
  const typingTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const typing = useRef(false);
  useEffect(() => {
    if (!caseId) return;
    setOthers([]);
    realtime.view(caseId);
    const off = realtime.onPresence((p) => {
      if (p.caseId !== caseId) return;
      setOthers((list) => {
        const rest = list.filter((c) => c.id !== p.user.id);
        return p.state === 'left' ? rest : [...rest, { id: p.user.id, name: p.user.name, state: p.state }];
      });
    });
    return () => {
      off();
      clearTimeout(typingTimer.current);
      if (typing.current) realtime.typing(caseId, false);
      typing.current = false;
      realtime.view(null);
    };
  }, [caseId]);

  /** Call on every keystroke: announces typing once, and its end after 4 s without input. */
  const setTyping = (active: boolean) => {
    if (!caseId) return;
    clearTimeout(typingTimer.current);
    if (active) typingTimer.current = setTimeout(() => setTyping(false), 4000);
    if (typing.current === active) return;
    typing.current = active;
    realtime.typing(caseId, active);
  };
  return { others, setTyping };
}
