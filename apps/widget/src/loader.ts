/**
 * The loader a website pastes in one line:
 *   <script src="https://help.example.com/widget.js" data-channel="<channel id>" async></script>
 * Signed-in customers: add data-user-id, data-user-hash (hex HMAC-SHA256 of the user id with the
 * channel's identity secret, computed on the site's server), and optionally data-user-name and
 * data-user-email. It adds one iframe and nothing else to the page: no styles, no globals beyond
 * `SwitchboardChat` (open/close), so the host page is never restyled or broken.
 */

interface FrameMessage {
  sb?: string;
  open?: boolean;
  mobile?: boolean;
}

(() => {
  const w = window as Window & { SwitchboardChat?: { open(): void; close(): void } };
  const script = document.currentScript as HTMLScriptElement | null;
  if (!script || w.SwitchboardChat) return;
  const base = new URL(script.src).origin;
  const data = script.dataset;
  const channel = data.channel ?? '';
  // `||`, not `??`: a page without a lang attribute has lang "" and then the browser's language counts.
  const lang = data.language || document.documentElement.lang || navigator.language || '';
  const frame = document.createElement('iframe');
  frame.src = `${base}/widget/frame?channel=${encodeURIComponent(channel)}&host=${encodeURIComponent(location.origin)}&lang=${encodeURIComponent(lang.slice(0, 2).toLowerCase())}`;
  frame.title = data.title ?? 'Chat';
  frame.setAttribute('allow', 'clipboard-write');
  frame.setAttribute('data-switchboard-chat', '');
  const place = (open: boolean) => {
    const small = innerWidth < 480;
    const size = open
      ? small
        ? 'width:100%;height:100%;right:0;bottom:0;max-height:100%;'
        : 'width:380px;height:min(640px,calc(100% - 24px));right:12px;bottom:12px;'
      : 'width:88px;height:88px;right:4px;bottom:4px;';
    frame.style.cssText = `position:fixed;${size}border:0;margin:0;padding:0;background:transparent;color-scheme:normal;z-index:2147483000;display:block;max-width:100%;`;
  };
  place(false);
  const post = (msg: object) => frame.contentWindow?.postMessage(msg, base);
  addEventListener('message', (e: MessageEvent<FrameMessage>) => {
    if (e.source !== frame.contentWindow || e.origin !== base || !e.data || typeof e.data !== 'object') return;
    if (e.data.sb === 'ready') {
      const identity = data.userId && data.userHash ? { userId: data.userId, signature: data.userHash, name: data.userName, email: data.userEmail } : null;
      post({ sb: 'init', identity, page: location.href.slice(0, 2000) });
    } else if (e.data.sb === 'open') place(e.data.open === true);
  });
  w.SwitchboardChat = { open: () => post({ sb: 'open', open: true }), close: () => post({ sb: 'open', open: false }) };
  const mount = () => document.body.appendChild(frame);
  if (document.body) mount();
  else addEventListener('DOMContentLoaded', mount);
})();
