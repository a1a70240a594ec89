import type { Actor } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { originAllowed } from './origins.ts';
import type { ChannelRow } from './queries.ts';

/** Widget channels are configured by admins (they hold the identity secret). */
export function assertMayManageChannels(actor: Actor): void {
  if (actor.role !== 'admin') throw new AppError('forbidden', 'Only admins manage chat channels');
}

/**
 * May a visitor use this channel from this website? The channel must be on and the origin listed.
 * Refused with one clear message, the same for the socket and HTTP (the socket closes with 4403).
 */
export function assertWidgetAllowed(ch: ChannelRow | null, origin: string | null): asserts ch is ChannelRow {
  if (!ch || !ch.active) throw new AppError('not_found', 'This chat is not available');
  if (!originAllowed(origin, ch.allowed_origins)) {
    throw new AppError('forbidden', `The chat may not run on ${origin ?? 'this page'}: the website is not among the channel's allowed origins`, [], { reason: 'origin_not_allowed' });
  }
}
