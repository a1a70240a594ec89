import { useEffect, useRef, useState } from 'preact/hooks';
import { Composer } from './composer.tsx';
import { ProfileForm } from './forms.tsx';
import { size, type T } from './i18n.ts';
import { useChat, type Boot, type Chat, type Init } from './use-chat.ts';

const time = (iso: string, lang: string) => new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));

function Messages({ chat, t, lang, greeting }: { chat: Chat; t: T; lang: string; greeting: string }) {
  const end = useRef<HTMLDivElement>(null);
  const { messages, pending } = chat;
  useEffect(() => end.current?.scrollIntoView({ block: 'end' }), [messages.length, pending.length, chat.typing]);
  const lastMine = [...messages].reverse().find((m) => m.from === 'visitor');
  return (
    <div class="sb-log" role="log" aria-live="polite" aria-label={t('messages')} tabIndex={0} data-testid="chat-log">
      <div class="sb-msg sb-agent">
        <p>{greeting}</p>
      </div>
      {messages.map((m) => (
        <div key={m.id} class={`sb-msg ${m.from === 'visitor' ? 'sb-mine' : 'sb-agent'}`} data-testid="chat-message" data-from={m.from} data-id={m.id}>
          {m.from === 'agent' && m.authorName && <span class="sb-author">{m.authorName}</span>}
          <p>{m.body}</p>
          {m.attachments.map((a) => (
            <button type="button" key={a.id} class="sb-file" onClick={() => void chat.download(a.id, a.fileName)} aria-label={t('download', { name: a.fileName })}>
              📎 {a.fileName} ({size(a.size, lang)})
            </button>
          ))}
          <span class="sb-meta">
            {time(m.createdAt, lang)}
            {m === lastMine && pending.length === 0 && <span data-testid="chat-receipt"> · {chat.agentRead >= m.id ? t('read') : t('sent')}</span>}
          </span>
        </div>
      ))}
      {pending.map((p) => (
        <div key={p.clientId} class="sb-msg sb-mine sb-pending" data-testid="chat-pending">
          <p>{p.body}</p>
          <span class="sb-meta">
            {p.failed ? (
              <>
                {t('failed')} {p.failed}{' '}
                <button type="button" class="sb-link" onClick={() => chat.retry(p)}>
                  {t('retry')}
                </button>
              </>
            ) : (
              t('sending')
            )}
          </span>
        </div>
      ))}
      {chat.typing && (
        <p class="sb-typing" data-testid="chat-typing">
          {t('typing', { name: chat.typing })}
        </p>
      )}
      <div ref={end} />
    </div>
  );
}

/** The chat: a launcher in the channel's colors, and the conversation panel it opens. */
export function App({ boot, init, t }: { boot: Boot; init: Init; t: T }) {
  const [open, setOpen] = useState(() => sessionStorage.getItem('sb.chat.open') === '1');
  const chat = useChat(boot, init, t, open);
  const lang = boot.language;
  const [seen, setSeen] = useState(0);
  const lastAgent = [...chat.messages].reverse().find((m) => m.from === 'agent')?.id ?? 0;
  const unread = open ? 0 : chat.messages.filter((m) => m.from === 'agent' && m.id > Math.max(seen, chat.session?.visitorReadUpTo ?? 0)).length;

  useEffect(() => {
    try {
      sessionStorage.setItem('sb.chat.open', open ? '1' : '0');
    } catch {
      /* storage blocked: the panel simply starts closed */
    }
    if (boot.host) parent.postMessage({ sb: 'open', open }, boot.host);
    if (open) setSeen(lastAgent);
  }, [open, lastAgent]);
  useEffect(() => {
    const onHost = (e: MessageEvent<{ sb?: string; open?: boolean }>) => {
      if (e.source === parent && e.origin === boot.host && e.data?.sb === 'open') setOpen(e.data.open === true);
    };
    addEventListener('message', onHost);
    return () => removeEventListener('message', onHost);
  }, []);

  if (!open) {
    return (
      <button type="button" class="sb-launcher" onClick={() => setOpen(true)} aria-label={unread ? `${t('open')} – ${t('unread', { n: unread })}` : t('open')} data-testid="chat-launcher">
        <svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true">
          <path fill="currentColor" d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z" />
        </svg>
        {unread > 0 && <span class="sb-badge">{unread}</span>}
      </button>
    );
  }

  const s = chat.session;
  const greeting = boot.config.greeting[lang as 'en'] || t('greeting');
  const needsForm = s !== null && chat.messages.length === 0 && chat.pending.length === 0 && (s.visitor.needsProfile || (!chat.online && !s.visitor.email));
  const askEmail = s !== null && !needsForm && !chat.online && chat.mode === 'chat' && !s.visitor.email;
  return (
    <section class="sb-panel" aria-label={boot.config.name} data-testid="chat-panel">
      <header class="sb-header">
        <h1>{boot.config.name}</h1>
        <button type="button" class="sb-close" onClick={() => setOpen(false)} aria-label={t('close')} data-testid="chat-close">
          ×
        </button>
      </header>
      {chat.fatal ? (
        <p class="sb-fatal" role="alert" data-testid="chat-fatal">
          {chat.fatal}
        </p>
      ) : (
        <>
          <Messages chat={chat} t={t} lang={lang} greeting={greeting} />
          <div class="sb-status" role="status">
            {!chat.connected && <p>{t('reconnecting')}</p>}
            {!chat.online && chat.mode === 'chat' && (needsForm || askEmail || chat.messages.length === 0) && <p data-testid="chat-offline">{t('offline')}</p>}
            {chat.mode === 'email' && s?.visitor.email && <p data-testid="chat-email-mode">{t('emailMode', { email: s.visitor.email })}</p>}
            {chat.notice && (
              <p class="sb-notice" data-testid="chat-notice">
                {chat.notice}{' '}
                <button type="button" class="sb-link" onClick={() => chat.setNotice(null)} aria-label={t('close')}>
                  ×
                </button>
              </p>
            )}
          </div>
          {needsForm || askEmail ? (
            <ProfileForm
              t={t}
              preChat={boot.config.preChat}
              needEmail={!chat.online}
              emailOnly={askEmail}
              initial={{ name: s!.visitor.name, email: s!.visitor.email }}
              submitLabel={askEmail ? t('save') : t('start')}
              onSubmit={chat.saveProfile}
            />
          ) : (
            <Composer t={t} disabled={!s} onSend={chat.send} onTyping={chat.typed} onFile={(f) => void chat.upload(f)} />
          )}
        </>
      )}
    </section>
  );
}
