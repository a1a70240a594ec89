import { useRef, useState } from 'preact/hooks';
import type { T } from './i18n.ts';

const icon = (d: string) => (
  <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
    <path fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" d={d} />
  </svg>
);
const smile = 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM8.5 14.5s1.2 2 3.5 2 3.5-2 3.5-2M9 9.5h.01M15 9.5h.01';
const clip = 'M21 11.5l-8.6 8.6a5.5 5.5 0 0 1-7.8-7.8l8.6-8.6a3.7 3.7 0 0 1 5.2 5.2l-8.6 8.6a1.8 1.8 0 0 1-2.6-2.6l7.9-7.9';

const emoji = ['😀', '😊', '😂', '😉', '😍', '🙂', '🤔', '😅', '😢', '😡', '👍', '👎', '🙏', '👋', '👏', '🎉', '❤️', '✅', '❌', '⚠️', '📦', '💳', '📞', '💻'];

interface Props {
  t: T;
  disabled: boolean;
  onSend: (body: string) => void;
  onTyping: (active: boolean) => void;
  onFile: (file: File) => void;
}

/** The message field: Enter sends, Shift+Enter a new line; emoji at the cursor; a file button. */
export function Composer({ t, disabled, onSend, onTyping, onFile }: Props) {
  const [text, setText] = useState('');
  const [picker, setPicker] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  const file = useRef<HTMLInputElement>(null);
  const send = () => {
    const body = text.trim();
    if (!body || disabled) return;
    onSend(body);
    setText('');
    area.current?.focus();
  };
  const insert = (e: string) => {
    const el = area.current;
    const at = el ? el.selectionStart : text.length;
    setText(text.slice(0, at) + e + text.slice(at));
    setPicker(false);
    setTimeout(() => {
      el?.focus();
      el?.setSelectionRange(at + e.length, at + e.length);
    }, 0);
  };
  return (
    <div class="sb-composer">
      {picker && (
        <div class="sb-emoji" role="group" aria-label={t('emoji')}>
          {emoji.map((e) => (
            <button type="button" key={e} onClick={() => insert(e)} aria-label={e}>
              {e}
            </button>
          ))}
        </div>
      )}
      <label for="sb-message" class="sb-hidden">
        {t('message')}
      </label>
      <textarea
        id="sb-message"
        ref={area}
        rows={2}
        placeholder={t('message')}
        value={text}
        disabled={disabled}
        data-testid="chat-input"
        onInput={(e) => {
          setText(e.currentTarget.value);
          onTyping(e.currentTarget.value.length > 0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey) {
            e.preventDefault();
            send();
          }
        }}
      />
      <div class="sb-tools">
        <button type="button" class="sb-icon" aria-label={t('emoji')} aria-expanded={picker} onClick={() => setPicker(!picker)} disabled={disabled}>
          {icon(smile)}
        </button>
        <button type="button" class="sb-icon" aria-label={t('attach')} onClick={() => file.current?.click()} disabled={disabled} data-testid="chat-attach">
          {icon(clip)}
        </button>
        <input
          ref={file}
          type="file"
          class="sb-hidden"
          tabIndex={-1}
          aria-hidden="true"
          data-testid="chat-file"
          onChange={(e) => {
            const f = e.currentTarget.files?.[0];
            if (f) onFile(f);
            e.currentTarget.value = '';
          }}
        />
        <button type="button" class="sb-primary sb-send" onClick={send} disabled={disabled || !text.trim()} data-testid="chat-send">
          {t('send')}
        </button>
      </div>
    </div>
  );
}
