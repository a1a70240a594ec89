import { useEffect, useRef, useState } from 'preact/hooks';
import type { VisitorServerMessage, WidgetConfig } from '@switchboard/contracts';
import { call, clientId, store, VisitorSocket, WidgetError, type Message, type Session } from './api.ts';
import { size, type T } from './i18n.ts';

/** What the frame page was given by the server (see the chat module's widget-app.ts). */
export interface Boot {
  config: WidgetConfig;
  host: string | null;
  hostAllowed: boolean;
  language: string;
}

/** What the host page told the frame: its signed-in customer, and the page the visitor is on. */
export interface Init {
  identity: { userId: string; signature: string; name?: string; email?: string } | null;
  page: string | null;
}

/** A message the visitor wrote that the server has not confirmed yet (kept across reloads). */
export interface Pending {
  clientId: string;
  body: string;
  failed?: string;
}

const merge = (list: Message[], more: Message[]): Message[] => {
  const byId = new Map(list.map((m) => [m.id, m]));
  for (const m of more) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => a.id - b.id);
};

/**
 * The conversation's state and the ways to change it: session (resumed by the stored token),
 * socket with resend of unconfirmed messages after every reconnect, typing and read receipts.
 */
export function useChat(boot: Boot, init: Init, t: T, open: boolean) {
  const key = (k: string) => `sb.chat.${boot.config.channelId}.${k}`;
  const [session, setSession] = useState<Session | null>(null);
  const [messages, setMessages] = useState<Message[]>([]);
  const [pending, setPendingState] = useState<Pending[]>(() => JSON.parse(store.get(key('pending')) ?? '[]') as Pending[]);
  const [online, setOnline] = useState(boot.config.online);
  const [mode, setMode] = useState<'chat' | 'email'>('chat');
  const [agentRead, setAgentRead] = useState(0);
  const [typing, setTyping] = useState<string | null>(null);
  const [connected, setConnected] = useState(true);
  const [fatal, setFatal] = useState<string | null>(boot.hostAllowed ? null : t('notAllowed'));
  const [notice, setNotice] = useState<string | null>(null);
  const socket = useRef<VisitorSocket | null>(null);
  const pendingRef = useRef(pending);
  const lastId = useRef(0);
  const readSent = useRef(0);
  const typingState = useRef({ on: false, at: 0, timer: undefined as ReturnType<typeof setTimeout> | undefined });
  const starting = useRef(false);

  const setPending = (update: (p: Pending[]) => Pending[]) => {
    pendingRef.current = update(pendingRef.current);
    store.set(key('pending'), pendingRef.current.length ? JSON.stringify(pendingRef.current) : null);
    setPendingState(pendingRef.current);
  };
  const addMessages = (more: Message[]) => {
    if (!more.length) return;
    lastId.current = Math.max(lastId.current, ...more.map((m) => m.id));
    const confirmed = new Set(more.map((m) => m.clientId).filter(Boolean));
    if (confirmed.size) setPending((p) => p.filter((x) => !confirmed.has(x.clientId)));
    setMessages((list) => merge(list, more));
  };

  const onMessage = (msg: VisitorServerMessage) => {
    if (msg.type === 'ready') {
      setOnline(msg.online);
      setMode(msg.mode);
      setAgentRead(msg.agentReadUpTo);
      addMessages(msg.messages);
      // Everything not confirmed goes again: the server stores each client id once.
      for (const p of pendingRef.current) if (!p.failed) socket.current?.send({ type: 'message', clientId: p.clientId, body: p.body });
    } else if (msg.type === 'ack') {
      addMessages([msg.message]);
      setMode(msg.mode);
    }
    else if (msg.type === 'message') {
      addMessages([msg.message]);
      if (msg.message.from === 'agent') setTyping(null);
    } else if (msg.type === 'typing') setTyping(msg.typing ? msg.name : null);
    else if (msg.type === 'read') setAgentRead((r) => Math.max(r, msg.upTo));
    else if (msg.type === 'availability') setOnline(msg.online);
    else if (msg.type === 'error') {
      if (msg.clientId) setPending((p) => p.map((x) => (x.clientId === msg.clientId ? { ...x, failed: msg.detail } : x)));
      else setNotice(msg.detail);
    }
  };

  const refused = (err: unknown) => {
    if (err instanceof WidgetError && err.status === 403) setFatal(err.extra.reason === 'identity_refused' ? t('identity') : t('notAllowed'));
    else if (err instanceof WidgetError && err.status === 404) setFatal(t('notAllowed'));
    else setNotice(t('error'));
  };

  const start = async () => {
    if (starting.current || fatal) return;
    starting.current = true;
    try {
      const s = await call<Session>('POST', '/sessions', null, {
        channelId: boot.config.channelId,
        host: boot.host ?? '',
        token: store.get(key('token')) ?? undefined,
        identity: init.identity ?? undefined,
        language: boot.language,
        page: init.page ?? undefined,
      });
      store.set(key('token'), s.token);
      setSession(s);
      setOnline(s.online);
      setMode(s.mode);
      setAgentRead(s.agentReadUpTo);
      readSent.current = s.visitorReadUpTo;
      addMessages(s.messages);
      socket.current?.stop();
      socket.current = new VisitorSocket(s.token, () => lastId.current, {
        onMessage,
        onState: setConnected,
        onEnd: (code) => setFatal(code === 4403 || code === 4404 ? t('notAllowed') : t('ended')),
      });
      socket.current.start();
    } catch (err) {
      starting.current = false;
      refused(err);
    }
  };

  // A returning visitor (stored token) or a signed-in customer reconnects at once; others when they open the chat.
  useEffect(() => {
    if (open || store.get(key('token')) || init.identity) void start();
    return undefined;
  }, [open]);
  useEffect(() => () => socket.current?.stop(), []);

  // Read receipts: what the visitor has on screen while the chat is open.
  useEffect(() => {
    const last = [...messages].reverse().find((m) => m.from === 'agent');
    if (!open || !last || last.id <= readSent.current || document.visibilityState !== 'visible') return;
    if (socket.current?.send({ type: 'read', upTo: last.id })) readSent.current = last.id;
  }, [open, messages, connected]);

  const stopTyping = () => {
    const s = typingState.current;
    clearTimeout(s.timer);
    if (s.on) socket.current?.send({ type: 'typing', typing: false });
    s.on = false;
  };

  return {
    session,
    messages,
    pending,
    online,
    mode,
    agentRead,
    typing,
    connected,
    fatal,
    notice,
    setNotice,
    send(body: string) {
      const id = clientId();
      setPending((p) => [...p, { clientId: id, body }]);
      stopTyping();
      socket.current?.send({ type: 'message', clientId: id, body });
    },
    retry(p: Pending) {
      setPending((list) => list.map((x) => (x.clientId === p.clientId ? { clientId: x.clientId, body: x.body } : x)));
      socket.current?.send({ type: 'message', clientId: p.clientId, body: p.body });
    },
    typed(active: boolean) {
      const s = typingState.current;
      clearTimeout(s.timer);
      if (!active) return stopTyping();
      s.timer = setTimeout(stopTyping, 3000);
      if (s.on && Date.now() - s.at < 2500) return;
      s.on = socket.current?.send({ type: 'typing', typing: true }) ?? false;
      s.at = Date.now();
    },
    async upload(file: File) {
      const max = boot.config.maxUploadBytes;
      if (file.size > max) return setNotice(t('tooLarge', { name: file.name, max: size(max, boot.language) }));
      const form = new FormData();
      form.append('file', file);
      try {
        const sent = await call<{ message: Message }>('POST', `/uploads?clientId=${clientId()}`, session!.token, form);
        addMessages([sent.message]);
      } catch (err) {
        if (err instanceof WidgetError && err.status === 413) setNotice(t('tooLarge', { name: file.name, max: size(Number(err.extra.maxBytes ?? max), boot.language) }));
        else setNotice(err instanceof WidgetError ? err.message : t('error'));
      }
    },
    async saveProfile(profile: { name?: string; email?: string; topic?: string }) {
      const s = await call<Omit<Session, 'token'>>('POST', '/profile', session!.token, profile);
      setSession({ ...session!, ...s });
      setMode(s.mode);
    },
    async download(id: string, name: string) {
      const res = await fetch(`/api/v1/widget/files/${id}`, { headers: { 'x-widget-token': session!.token } });
      if (!res.ok) return setNotice(t('error'));
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
  };
}

export type Chat = ReturnType<typeof useChat>;
