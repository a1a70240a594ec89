import type { FastifyRequest } from 'fastify';
import type { Config } from '../../platform/config.ts';
import { AppError } from '../../platform/http/errors.ts';
import { originAllowed, originOf } from './origins.ts';
import type { ChannelRow } from './queries.ts';

/** This server's own origin: PUBLIC_URL's when set, else the one the request was addressed to. */
export function ownOrigin(req: FastifyRequest, config: Config): string {
  return originOf(config.PUBLIC_URL) ?? `${req.protocol}://${req.headers.host ?? ''}`;
}

/**
 * A browser request names its page in `Origin`. The widget frame is ours (same origin); any other
 * page must be one of the channel's allowed websites — a foreign site cannot talk to the visitor
 * endpoints or the socket directly.
 */
export function assertRequestOrigin(req: FastifyRequest, config: Config, ch: ChannelRow): void {
  const origin = req.headers.origin;
  if (!origin || origin === ownOrigin(req, config)) return;
  if (!originAllowed(origin, ch.allowed_origins)) {
    throw new AppError('forbidden', `The chat may not run on ${origin}: the website is not among the channel's allowed origins`, [], { reason: 'origin_not_allowed' });
  }
}
