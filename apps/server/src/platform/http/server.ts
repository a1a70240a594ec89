import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Actor, AppContext } from '../context.ts';
import { sqlConstraint, sqlState } from '../db/index.ts';
import { AppError, fromZod, toProblem } from './errors.ts';
import type { HandlerContext, RouteSpec } from './routes.ts';
import type { Tx } from '../db/index.ts';
import { idempotentTransaction, IdempotentReplay } from './idempotency.ts';

export interface Authentication {
  actor: Actor;
  /** Set when the request authenticated with a session cookie: unsafe methods must echo it. */
  csrfToken?: string;
}

export type Authenticate = (req: FastifyRequest) => Promise<Authentication | null>;

const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const requestIdPattern = /^[A-Za-z0-9._-]{1,64}$/;

/** The Fastify instance with logging, problem+json errors and metrics; routes are mounted later. */
export function createHttpServer(config: AppContext['config']): FastifyInstance {
  const app = Fastify({
    logger: { level: config.LOG_LEVEL, redact: ['req.headers.authorization', 'req.headers.cookie'] },
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && requestIdPattern.test(given) ? given : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.register(cookie);
  // Uploads: the parser only marks the request; routes declared `multipart` read it (readUpload).
  app.register(multipart, { limits: { fileSize: config.ATTACHMENT_MAX_BYTES, files: 1 } });
  // The API speaks JSON only: other bodies (Fastify also parses text/plain by default) get 415.
  app.removeContentTypeParser('text/plain');
  // Raw email (an MTA pipe, a provider webhook): kept as the exact bytes; routes declare `rawBody`.
  app.addContentTypeParser('message/rfc822', { parseAs: 'buffer', bodyLimit: config.EMAIL_MAX_BYTES }, (_req, body, done) => done(null, body));
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  app.setErrorHandler((err, req, reply) => {
    const appErr = toAppError(err);
    if (appErr.status >= 500) req.log.error({ err }, 'request failed');
    reply
      .status(appErr.status)
      .headers(appErr.headers)
      .type('application/problem+json')
      .send(toProblem(appErr, req.id));
  });
  app.setNotFoundHandler((req, reply) => {
    const err = new AppError('not_found', `No route for ${req.method} ${req.url.split('?')[0]}`);
    reply.status(404).type('application/problem+json').send(toProblem(err, req.id));
  });
  return app;
}

/** Maps anything thrown to an AppError: ours as they are, Fastify's and the database's by code. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const state = sqlState(err);
  if (state === '23505') {
    const constraint = sqlConstraint(err);
    return new AppError('conflict', `A record with this value exists already${constraint ? ` (${constraint})` : ''}`);
  }
  if (state === '23503') return new AppError('unprocessable', 'The request refers to a record that does not exist');
  if (state === '22P02' || state === '22007' || state === '22008' || state === '22003') {
    return new AppError('validation_failed', 'A value has the wrong format');
  }
  // 22021 (text) and 22P05 (jsonb): characters PostgreSQL cannot store, such as NUL (\u0000).
  if (state === '22021' || state === '22P05') return new AppError('validation_failed', 'A text contains a character that cannot be stored (such as \\u0000)');
  if (state === '55000') return new AppError('conflict', 'The case timeline is append-only');
  const e = err as { statusCode?: number; code?: string; message?: string };
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    if (e.statusCode === 413) return new AppError('payload_too_large', `The request body is larger than allowed`);
    if (e.statusCode === 415) return new AppError('unsupported_media_type', 'Send JSON with Content-Type: application/json');
    if (e.statusCode === 404) return new AppError('not_found');
    return new AppError('malformed_request', e.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ? 'The JSON body is empty' : `The request body is not valid JSON: ${e.message ?? ''}`.trim());
  }
  return new AppError('internal', 'Something went wrong on our side; the request was not carried out');
}

function parsePart<S extends z.ZodType>(schema: S | undefined, value: unknown, where: string): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value ?? (where === 'body' ? undefined : {}));
  if (!result.success) throw fromZod(result.error, where);
  return result.data;
}

function parseIfMatch(header: string | undefined): number | undefined {
  if (!header) return undefined;
  const m = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  if (!m) throw new AppError('validation_failed', 'If-Match must be an ETag such as "3"', [{ field: 'header.if-match', message: 'not a version ETag' }]);
  return Number(m[1]);
}

/** Mounts declared routes: authenticate → parse → one handler → present. */
export function mountRoutes(app: FastifyInstance, ctx: AppContext, routes: readonly RouteSpec[], authenticate: Authenticate): void {
  for (const spec of routes) {
    app.route({
      method: spec.method,
      url: spec.path,
      handler: async (req, reply) => {
        let actor: Actor | undefined;
        if (spec.auth !== 'public') {
          const auth = await authenticate(req);
          if (!auth) throw new AppError('unauthenticated');
          if (auth.csrfToken !== undefined && unsafe.has(req.method) && req.headers['x-csrf-token'] !== auth.csrfToken) {
            throw new AppError('csrf_failed', 'Send the X-CSRF-Token header you got at sign-in');
          }
          if (spec.auth === 'staff' && auth.actor.role === 'customer') throw new AppError('forbidden', 'This is for staff only');
          actor = auth.actor;
        }
        if (spec.rawBody) {
          if (!Buffer.isBuffer(req.body)) throw new AppError('unsupported_media_type', `Send the body as ${spec.rawBody}`);
        } else if (req.isMultipart() !== (spec.multipart === true) || Buffer.isBuffer(req.body)) {
          throw new AppError('unsupported_media_type', spec.multipart ? 'Send multipart/form-data' : 'Send JSON with Content-Type: application/json');
        }
        const params = parsePart(spec.params, req.params, 'params');
        const query = parsePart(spec.query, req.query, 'query');
        const body = spec.body ? parsePart(spec.body, req.body, 'body') : undefined;
        const rawKey = req.headers['idempotency-key'];
        const idempotencyKey = spec.idempotent && typeof rawKey === 'string' ? rawKey : undefined;
        if (idempotencyKey !== undefined && (idempotencyKey.length === 0 || idempotencyKey.length > 200)) {
          throw new AppError('validation_failed', 'Idempotency-Key must be 1 to 200 characters', [{ field: 'header.idempotency-key', message: 'length 1 to 200' }]);
        }
        const status = spec.status ?? 200;
        try {
          const handlerContext: HandlerContext<unknown, unknown, unknown> = {
            app: ctx,
            actor: actor as Actor,
            body,
            query,
            params,
            req,
            reply,
            transaction: <T>(fn: (tx: Tx) => Promise<T>) => {
              const run = spec.groupCommit ? ctx.db.groupTransaction : ctx.db.transaction;
              return idempotencyKey && actor
                ? idempotentTransaction(run, ctx.secrets, { actorId: actor.id, key: idempotencyKey, request: [req.method, req.url, req.body], status }, fn)
                : run(fn);
            },
            expectedVersion: (bodyVersion?: number) => {
              const v = parseIfMatch(req.headers['if-match']) ?? bodyVersion;
              if (v === undefined) throw new AppError('precondition_required', 'Send If-Match with the ETag you loaded (or "version" in the body) so no change is silently overwritten');
              return v;
            },
          };
          const result = await spec.handler(handlerContext as never);
          if (result === undefined) return reply.status(204).send();
          return reply.status(status).send(result);
        } catch (err) {
          if (err instanceof IdempotentReplay) {
            return reply.status(err.status).header('idempotent-replayed', 'true').send(err.body);
          }
          throw err;
        }
      },
    });
  }
}
