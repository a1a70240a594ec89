const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface DemoIdentity {
  userId: string;
  signature: string;
  name: string;
  email: string;
}

/**
 * A stand-in for a customer's website, served at /widget/demo: the one-line embed code as a site
 * owner pastes it, and (with ?as=customer) the attributes a site adds for its signed-in customer.
 */
export function demoPage(channelId: string | null, origin: string, identity: DemoIdentity | null = null): string {
  const attrs = channelId
    ? [`src="${escape(origin)}/widget.js"`, `data-channel="${escape(channelId)}"`, ...(identity ? [`data-user-id="${escape(identity.userId)}"`, `data-user-hash="${escape(identity.signature)}"`, `data-user-name="${escape(identity.name)}"`, `data-user-email="${escape(identity.email)}"`] : [])]
    : [];
  const embed = channelId ? `<script ${attrs.join(' ')} async></script>` : '';
  const body = channelId
    ? `<p>This page stands in for your website. The chat button at the bottom right is the widget, loaded by this one line:</p>
<pre>${escape(embed)}</pre>
<p>${identity ? `You are signed in to this demo shop as <b>${escape(identity.name)}</b>: the chat recognises you without a form. <a href="?">Visit as a guest</a>.` : `You are a guest: the chat asks for your name and email first. <a href="?as=customer">Visit as a signed-in customer</a>.`}</p>
<p>Sign in to Switchboard as an agent of Technical Support (e.g. lukas@demo.switchboard.dev) in another window to answer.</p>`
    : `<p>No active chat channel allows ${escape(origin)}. Add it to a channel's allowed origins in Admin → Chat channels.</p>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Demo shop — Switchboard chat widget</title>
<style>body{font:16px/1.6 Georgia,serif;max-width:44rem;margin:3rem auto;padding:0 1rem;color:#222;background:#fbfaf7}h1{font-weight:normal}pre{white-space:pre-wrap;word-break:break-all;background:#f0ede6;padding:.75rem;border-radius:6px;font-size:13px}</style>
</head><body><main><h1>Demo shop</h1>${body}</main>${embed}</body></html>`;
}
