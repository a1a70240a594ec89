import { render } from 'preact';
import { App } from './app.tsx';
import { translator } from './i18n.ts';
import type { Boot, Init } from './use-chat.ts';
import './styles.css';

/**
 * The chat frame. It asks the host page (through the loader) for its signed-in customer and the
 * page address, waits briefly for the answer, then starts. Messages are taken only from the
 * parent window at the origin the frame was opened for.
 */
const boot = JSON.parse(document.getElementById('sb-boot')?.textContent ?? 'null') as Boot | null;
const root = document.getElementById('sb-chat')!;

if (!boot) {
  root.textContent = 'Chat';
} else {
  const { primary, text } = boot.config.colors;
  document.documentElement.style.setProperty('--sb-primary', primary);
  document.documentElement.style.setProperty('--sb-on-primary', text);
  const t = translator(boot.language);
  const initFromHost = new Promise<Init>((resolve) => {
    const fallback: Init = { identity: null, page: null };
    if (parent === window || !boot.host) return resolve(fallback);
    const timer = setTimeout(() => resolve(fallback), 1500);
    addEventListener('message', function onInit(e: MessageEvent<{ sb?: string } & Partial<Init>>) {
      if (e.source !== parent || e.origin !== boot.host || e.data?.sb !== 'init') return;
      clearTimeout(timer);
      removeEventListener('message', onInit);
      resolve({ identity: e.data.identity ?? null, page: e.data.page ?? null });
    });
    parent.postMessage({ sb: 'ready' }, boot.host);
  });
  void initFromHost.then((init) => render(<App boot={boot} init={init} t={t} />, root));
}
