import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Actor, AppContext } from '../context.ts';
import type { Tx } from '../db/index.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
/** public: anyone; user: any signed-in user; staff: agents, supervisors and admins. */
export type AuthMode = 'public' | 'user' | 'staff';

type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface HandlerContext<B, Q, P> {
  app: AppContext;
  actor: Actor;
  body: B;
  query: Q;
  params: P;
  req: FastifyRequest;
  reply: FastifyReply;
  /**
   * Runs `fn` in one transaction. With an Idempotency-Key on the request, a repeat of the same
   * request returns the first response instead of running again.
   */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** The version the client based its change on: If-Match header, else `version` in the body. */
  expectedVersion(bodyVersion?: number): number;
}

export interface RouteSpec<B extends Schema | undefined = Schema | undefined, Q extends Schema | undefined = Schema | undefined, P extends Schema | undefined = Schema | undefined> {
  method: HttpMethod;
  path: string;
  summary: string;
  tag: string;
  auth: AuthMode;
  body?: B;
  query?: Q;
  params?: P;
  response?: Schema;
  /** Success status; 200 by default. */
  status?: number;
  /** Accepts an Idempotency-Key header (create endpoints). */
  idempotent?: boolean;
  /**
   * Its transaction may share one commit with the same requests arriving at the same moment
   * (`Db.groupTransaction`): for small, frequent creations whose handler only writes through `tx`.
   */
  groupCommit?: boolean;
  /** Needs If-Match (or `version` in the body): refuses changes based on an old version. */
  versioned?: boolean;
  /** Takes multipart/form-data (a file upload) instead of JSON; the handler reads it from `req`. */
  multipart?: boolean;
  /** Takes the body as raw bytes of this content type (`message/rfc822`); the handler reads `req.body` (a Buffer). */
  rawBody?: 'message/rfc822';
  handler: (ctx: HandlerContext<Out<B>, Out<Q>, Out<P>>) => Promise<unknown>;
}

/** Declares a route; types of body, query and params follow from their schemas. */
export function route<B extends Schema | undefined = undefined, Q extends Schema | undefined = undefined, P extends Schema | undefined = undefined>(
  spec: RouteSpec<B, Q, P>,
): RouteSpec {
  return spec as unknown as RouteSpec;
}
