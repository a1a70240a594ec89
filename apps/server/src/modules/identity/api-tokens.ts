import type { z } from 'zod';
import type { ApiToken, CreateApiTokenBody, CreatedApiToken } from '@switchboard/contracts';
import type { Actor } from '../../platform/context.ts';
import type { Queryable } from '../../platform/db/index.ts';
import { notFound } from '../../platform/http/errors.ts';
import { newSecret } from './tokens.ts';

type TokenDto = z.infer<typeof ApiToken>;

interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  created_at: Date;
  last_used_at: Date | null;
  expires_at: Date | null;
}

const toDto = (r: TokenRow): TokenDto => ({
  id: r.id,
  name: r.name,
  prefix: r.prefix,
  createdAt: r.created_at.toISOString(),
  lastUsedAt: r.last_used_at?.toISOString() ?? null,
  expiresAt: r.expires_at?.toISOString() ?? null,
});

/** A personal API token for integrations; the secret is returned once and only its hash is kept. */
export async function createApiToken(db: Queryable, actor: Actor, input: z.output<typeof CreateApiTokenBody>): Promise<z.infer<typeof CreatedApiToken>> {
  const { secret, hash } = newSecret('sb_pat_');
  const expires = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
  const { rows } = await db.query<TokenRow>(
    `insert into api_tokens (user_id, name, token_hash, prefix, expires_at) values ($1, $2, $3, $4, $5)
     returning id, name, prefix, created_at, last_used_at, expires_at`,
    [actor.id, input.name, hash, secret.slice(0, 12), expires],
  );
  return { ...toDto(rows[0]!), token: secret };
}

export async function listApiTokens(db: Queryable, actor: Actor): Promise<TokenDto[]> {
  const { rows } = await db.query<TokenRow>(
    'select id, name, prefix, created_at, last_used_at, expires_at from api_tokens where user_id = $1 and revoked_at is null order by created_at desc',
    [actor.id],
  );
  return rows.map(toDto);
}

export async function revokeApiToken(db: Queryable, actor: Actor, id: string): Promise<void> {
  const res = await db.query('update api_tokens set revoked_at = now() where id = $1 and user_id = $2 and revoked_at is null', [id, actor.id]);
  if (res.rowCount === 0) throw notFound('The token');
}
