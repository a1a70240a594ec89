import type { AppContext } from '../../platform/context.ts';
import { systemActor } from '../../platform/context.ts';
import { createTeam, createUser } from '../identity/index.ts';

export const DEMO_PASSWORD = 'switchboard-demo';

export interface DemoLogin {
  role: string;
  email: string;
  name: string;
}

/** Seeds the demo company when the configuration asks for it and no user exists yet. */
export async function seedDemoIfEmpty(ctx: AppContext): Promise<{ password: string; logins: DemoLogin[] } | null> {
  const wanted = ctx.config.DEMO_DATA === 'true' || (ctx.config.DEMO_DATA === 'auto' && ctx.db.kind === 'pglite');
  if (!wanted) return null;
  const { rows } = await ctx.db.query<{ n: number }>('select count(*)::int as n from users');
  if ((rows[0]?.n ?? 0) > 0) {
    const logins = await ctx.db.query<DemoLogin>(`select role, email, name from users where email like '%@demo.switchboard.dev' and role <> 'customer' order by role, name`);
    return logins.rows.length ? { password: DEMO_PASSWORD, logins: logins.rows } : null;
  }
  return { password: DEMO_PASSWORD, logins: await seedDemo(ctx) };
}

/** The demo company: placeholder until the full data set lands. */
export async function seedDemo(ctx: AppContext): Promise<DemoLogin[]> {
  return ctx.db.transaction(async (tx) => {
    const team = await createTeam(ctx, systemActor, tx, { name: 'Billing', description: 'Invoices, refunds, payment questions', memberIds: [] });
    const admin = await createUser(ctx, systemActor, tx, { email: 'admin@demo.switchboard.dev', name: 'Ada Admin', role: 'admin', password: DEMO_PASSWORD, language: 'en', timeZone: 'Europe/Berlin', teamIds: [team.id] });
    return [{ role: admin.role, email: admin.email, name: admin.name }];
  });
}
