import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../app.ts';
import { configWith } from '../../platform/config.ts';
import { onPostgres, startTestApp, type TestApp, type TestUser } from '../../../test/harness.ts';
import { expectStatus, newCase } from '../../../test/factories.ts';
import { TestSocket } from '../../../test/ws-client.ts';

interface AgentLoad {
  id: string;
  name: string;
  role: string;
  openAssigned: number;
  pendingAssigned: number;
  lastActivityAt: string | null;
  viewing: Array<{ caseId: string; number: number; subject: string }>;
}
interface TeamOverview {
  team: { id: string; name: string };
  waiting: Record<string, number>;
  unassigned: number;
  oldestUnassignedAt: string | null;
  agents: AgentLoad[];
}

/** Retries until `check` passes: presence arrives asynchronously (on PostgreSQL through NOTIFY). */
async function eventually<T>(fn: () => Promise<T>, check: (v: T) => boolean, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (check(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('supervisor overview', () => {
  let t: TestApp;
  let billing: string;
  let shipping: string;
  let emma: TestUser;
  let ayse: TestUser;
  let mart: TestUser;
  let sam: TestUser;
  let admin: TestUser;
  const sockets: TestSocket[] = [];

  const overview = async (u: TestUser, base?: string) => {
    const res = base
      ? await fetch(`${base}/api/v1/supervisor/overview`, { headers: { authorization: `Bearer ${u.token}` } }).then(async (r) => ({ status: r.status, body: await r.json() }))
      : await t.api('GET', '/api/v1/supervisor/overview', { token: u.token });
    return expectStatus(res as { status: number; body: { teams: TeamOverview[] }; headers: Headers }, 200).body.teams;
  };
  const agentIn = (teams: TeamOverview[], teamId: string, userId: string) => teams.find((x) => x.team.id === teamId)!.agents.find((a) => a.id === userId)!;

  beforeAll(async () => {
    t = await startTestApp();
    billing = await t.team('Billing');
    shipping = await t.team('Shipping');
    await t.team('Archive');
    emma = await t.user('agent', [billing], { name: 'Emma Schmidt' });
    ayse = await t.user('agent', [billing], { name: 'Ayşe Yılmaz' });
    mart = await t.user('agent', [shipping], { name: 'Mart Tamm' });
    sam = await t.user('supervisor', [billing], { name: 'Sam Supervisor' });
    admin = await t.user('admin');
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await t?.close();
  });

  it('counts waiting, unassigned and each agent’s load; agents are refused', async () => {
    const oldest = await newCase(t, ayse, { teamId: billing, subject: 'Oldest unassigned' });
    await newCase(t, ayse, { teamId: billing });
    await newCase(t, ayse, { teamId: billing, status: 'pending' });
    await newCase(t, ayse, { teamId: billing, assigneeId: emma.id });
    await newCase(t, ayse, { teamId: billing, assigneeId: emma.id, status: 'on_hold' });
    await newCase(t, ayse, { teamId: billing, assigneeId: emma.id, status: 'pending' });
    await newCase(t, ayse, { teamId: billing, assigneeId: emma.id, status: 'solved' });
    // Emma's case in another team counts for that team, not for Billing.
    const elsewhere = await newCase(t, admin, { teamId: shipping, assigneeId: emma.id, subject: 'Parcel lost' });
    const note = expectStatus(await t.api('POST', `/api/v1/cases/${oldest.id}/entries`, { token: emma.token, body: { kind: 'note', body: 'Looking into it' } }), 201).body;

    const teams = await overview(sam);
    expect(teams.map((x) => x.team)).toEqual([{ id: billing, name: 'Billing' }]);
    const b = teams[0]!;
    expect(b.waiting).toEqual({ new: 2, open: 1, pending: 2, on_hold: 1 });
    expect(b.unassigned).toBe(3);
    expect(b.oldestUnassignedAt).toBe(oldest.createdAt);
    expect(b.agents.map((a) => a.name)).toEqual(['Ayşe Yılmaz', 'Emma Schmidt', 'Sam Supervisor']);
    expect(agentIn(teams, billing, emma.id)).toEqual({
      id: emma.id,
      name: 'Emma Schmidt',
      role: 'agent',
      openAssigned: 2,
      pendingAssigned: 1,
      lastActivityAt: note.createdAt,
      viewing: [],
      presence: { status: 'offline', reason: null, automatic: false, lastSeenAt: null, effective: 'offline' },
      // Capacity is personal: the Shipping case counts too; pending and solved do not.
      load: {
        email: { open: 0, capacity: 20 },
        chat: { open: 0, capacity: 3 },
        phone: { open: 0, capacity: 1 },
        portal: { open: 0, capacity: 20 },
        walk_in: { open: 0, capacity: 1 },
        api: { open: 3, capacity: 20 },
      },
    });
    expect(agentIn(teams, billing, sam.id)).toMatchObject({ role: 'supervisor', openAssigned: 0, pendingAssigned: 0, lastActivityAt: null });

    const all = await overview(admin);
    expect(all.map((x) => x.team.name)).toEqual(['Archive', 'Billing', 'Shipping']);
    expect(all[0]).toEqual({ team: expect.any(Object), waiting: { new: 0, open: 0, pending: 0, on_hold: 0 }, unassigned: 0, oldestUnassignedAt: null, routingEnabled: false, agents: [] });
    const s = all.find((x) => x.team.id === shipping)!;
    expect(s.waiting).toEqual({ new: 0, open: 1, pending: 0, on_hold: 0 });
    expect(s.agents.map((a) => a.id)).toEqual([mart.id]);
    expect(elsewhere.assignee.id).toBe(emma.id);

    const denied = await t.api('GET', '/api/v1/supervisor/overview', { token: emma.token });
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('forbidden');
    const lonely = await t.user('supervisor');
    expect(await overview(lonely)).toEqual([]);
  });

  it('shows each agent’s presence and load against their capacity, and whether routing is on', async () => {
    expectStatus(await t.api('PUT', '/api/v1/routing/presence', { token: ayse.token, body: { status: 'away', reason: 'meeting' } }), 200);
    expectStatus(await t.api('PATCH', `/api/v1/routing/agents/${ayse.id}`, { token: admin.token, body: { capacity: { chat: 2 } } }), 200);
    expectStatus(await t.api('PATCH', `/api/v1/routing/rules/${shipping}`, { token: admin.token, body: { enabled: true } }), 200);
    await newCase(t, admin, { teamId: billing, assigneeId: ayse.id, channel: 'chat' });
    const teams = await overview(admin);
    const a = agentIn(teams, billing, ayse.id) as AgentLoad & { presence: { status: string; reason: string | null; effective: string }; load: Record<string, { open: number; capacity: number }> };
    expect(a.presence).toMatchObject({ status: 'away', reason: 'meeting', effective: 'away' });
    expect(a.load.chat).toEqual({ open: 1, capacity: 2 });
    expect(teams.map((x) => [x.team.name, (x as TeamOverview & { routingEnabled: boolean }).routingEnabled])).toEqual([['Archive', false], ['Billing', false], ['Shipping', true]]);
  });

  it('shows what each agent is viewing right now, limited to cases the supervisor may see', async () => {
    const c = await newCase(t, ayse, { teamId: billing, subject: 'Being looked at' });
    const elsewhere = await newCase(t, admin, { teamId: shipping, assigneeId: emma.id, subject: 'Shipping case of Emma' });
    const tab1 = await TestSocket.open(t.url, { authorization: `Bearer ${emma.token}` });
    const tab2 = await TestSocket.open(t.url, { authorization: `Bearer ${emma.token}` });
    sockets.push(tab1, tab2);
    tab1.send({ type: 'viewing', caseId: c.id });
    tab2.send({ type: 'viewing', caseId: elsewhere.id });

    const forAdmin = await eventually(() => overview(admin), (v) => agentIn(v, billing, emma.id).viewing.length === 2);
    expect(agentIn(forAdmin, billing, emma.id).viewing).toEqual(
      expect.arrayContaining([
        { caseId: c.id, number: c.number, subject: 'Being looked at' },
        { caseId: elsewhere.id, number: elsewhere.number, subject: 'Shipping case of Emma' },
      ]),
    );
    // Sam leads Billing only: the Shipping case is not his to see.
    expect(agentIn(await overview(sam), billing, emma.id).viewing).toEqual([{ caseId: c.id, number: c.number, subject: 'Being looked at' }]);

    tab1.send({ type: 'left', caseId: c.id });
    tab2.close();
    const after = await eventually(() => overview(admin), (v) => agentIn(v, billing, emma.id).viewing.length === 0);
    expect(agentIn(after, billing, emma.id).viewing).toEqual([]);
  });

  describe.skipIf(!onPostgres)('across instances on one PostgreSQL database', () => {
    const others: App[] = [];
    afterAll(async () => {
      for (const a of others) await a.close();
    });
    const startAnother = async () => {
      const app = await buildApp(configWith({ DATABASE_URL: t.databaseUrl, DATA_DIR: 'memory://', SECRETS_KEY: t.app.ctx.config.SECRETS_KEY, LOG_LEVEL: 'silent', DEMO_DATA: 'false', DB_POOL_SIZE: 3 }));
      others.push(app);
      await app.http.listen({ host: '127.0.0.1', port: 0 });
      return `http://127.0.0.1:${(app.http.server.address() as { port: number }).port}`;
    };

    it('sees viewers connected to other instances, also on an instance started later', async () => {
      const c = await newCase(t, ayse, { teamId: billing, subject: 'Viewed elsewhere' });
      const b = await startAnother();
      const socket = await TestSocket.open(b, { authorization: `Bearer ${ayse.token}` });
      sockets.push(socket);
      socket.send({ type: 'viewing', caseId: c.id });
      const seen = await eventually(() => overview(sam), (v) => agentIn(v, billing, ayse.id).viewing.length === 1);
      expect(agentIn(seen, billing, ayse.id).viewing).toEqual([{ caseId: c.id, number: c.number, subject: 'Viewed elsewhere' }]);

      // A third instance starting now learns of the viewer through its roll call.
      const late = await startAnother();
      const there = await eventually(() => overview(sam, late), (v) => agentIn(v, billing, ayse.id).viewing.length === 1);
      expect(agentIn(there, billing, ayse.id).viewing.map((v) => v.caseId)).toEqual([c.id]);

      socket.close();
      const gone = await eventually(() => overview(sam, late), (v) => agentIn(v, billing, ayse.id).viewing.length === 0);
      expect(agentIn(gone, billing, ayse.id).viewing).toEqual([]);
    });
  });
});
