import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { newSealedIdentitySecret } from './manage-channels.ts';

/**
 * The demo's website chat: Technical Support answers it, in four languages, on any local port
 * (so /widget/demo and a test page on another port both work).
 */
export async function seedChatDemo(app: Pick<AppContext, 'secrets'>, tx: Tx): Promise<void> {
  const id = randomUUID();
  await tx.query(
    `insert into chat_channels (id, name, team_id, primary_color, text_color, greeting, languages, pre_chat, allowed_origins, identity_secret, max_upload_bytes)
     select $7, 'Website chat', t.id, '#0b7285', '#ffffff', $1::jsonb, $2, $3::jsonb, $4, $5, $6 from teams t where t.name = 'Technical Support'`,
    [
      JSON.stringify({
        en: 'Hi! Something not working? Tell us what happened and we will help you right away.',
        de: 'Hallo! Funktioniert etwas nicht? Schreiben Sie uns, was passiert ist – wir helfen sofort.',
        et: 'Tere! Midagi ei tööta? Kirjutage, mis juhtus, ja aitame kohe.',
        tr: 'Merhaba! Bir şey çalışmıyor mu? Ne olduğunu yazın, hemen yardımcı olalım.',
      }),
      ['en', 'de', 'et', 'tr'],
      JSON.stringify({ name: 'required', email: 'required', topic: 'optional', topics: ['Laptop', 'Phone', 'TV', 'Coffee machine', 'Headphones'] }),
      ['http://127.0.0.1:*', 'http://localhost:*'],
      newSealedIdentitySecret(app, id),
      5 * 1_048_576,
      id,
    ],
  );
}
