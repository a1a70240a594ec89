/** The read side of flows: the editor's view, the list, and published versions (cached: they never change). */
import type { Flow, FlowDefinition, FlowSummary } from '@switchboard/contracts';
import type { z } from 'zod';
import type { Queryable } from '../../platform/db/index.ts';
import { notFound } from '../../platform/http/errors.ts';
import { validateFlow } from './validate.ts';

export interface FlowRow {
  id: string;
  slug: string;
  team_id: string | null;
  team_name: string | null;
  tags: string[];
  public: boolean;
  archived: boolean;
  draft: FlowDefinition;
  published_version: number | null;
  unpublished_changes: boolean;
  runs: number;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const flowSelect = `select f.id, f.slug, f.team_id, t.name as team_name, f.tags, f.public, f.archived, f.draft, f.published_version, f.version,
    f.created_at, f.updated_at, (pv.definition is null or pv.definition <> f.draft) as unpublished_changes,
    (select count(*)::int from flow_runs r where r.flow_id = f.id) as runs
  from flows f
  left join teams t on t.id = f.team_id
  left join flow_versions pv on pv.flow_id = f.id and pv.version = f.published_version`;

const teamRef = (r: { team_id: string | null; team_name: string | null }) => (r.team_id ? { id: r.team_id, name: r.team_name ?? '' } : null);

/** The flow as its editor sees it: draft, validation of the draft, versions. */
export async function getFlow(db: Queryable, id: string): Promise<Flow> {
  const { rows } = await db.query<FlowRow>(`${flowSelect} where f.id = $1`, [id]);
  const r = rows[0];
  if (!r) throw notFound('The flow');
  const versions = await db.query<{ version: number; published_at: Date; user_id: string | null; user_name: string | null }>(
    `select v.version, v.published_at, u.id as user_id, u.name as user_name from flow_versions v left join users u on u.id = v.published_by_id
     where v.flow_id = $1 order by v.version desc`,
    [id],
  );
  return {
    id: r.id,
    slug: r.slug,
    team: teamRef(r),
    tags: r.tags,
    public: r.public,
    archived: r.archived,
    draft: r.draft,
    publishedVersion: r.published_version,
    unpublishedChanges: r.unpublished_changes,
    versions: versions.rows.map((v) => ({ version: v.version, publishedAt: v.published_at.toISOString(), publishedBy: v.user_id ? { id: v.user_id, name: v.user_name ?? '' } : null })),
    issues: validateFlow(r.draft),
    version: r.version,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

/** Every flow, archived ones last, for the flows admin page. */
export async function listFlows(db: Queryable): Promise<z.infer<typeof FlowSummary>[]> {
  const { rows } = await db.query<FlowRow>(`${flowSelect} order by f.archived, f.slug`);
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    title: r.draft.title,
    team: teamRef(r),
    tags: r.tags,
    public: r.public,
    archived: r.archived,
    publishedVersion: r.published_version,
    unpublishedChanges: r.unpublished_changes,
    runs: r.runs,
    updatedAt: r.updated_at.toISOString(),
  }));
}

// Published versions are immutable, so every instance may keep them: a run reads its version on
// every answer.
const versionCache = new Map<string, FlowDefinition>();
const cacheLimit = 500;

/** A published version's tree. */
export async function getDefinition(db: Queryable, flowId: string, version: number): Promise<FlowDefinition> {
  const key = `${flowId}:${version}`;
  const cached = versionCache.get(key);
  if (cached) return cached;
  const { rows } = await db.query<{ definition: FlowDefinition }>('select definition from flow_versions where flow_id = $1 and version = $2', [flowId, version], { prepare: true });
  if (!rows[0]) throw notFound(`Version ${version} of the flow`);
  if (versionCache.size >= cacheLimit) versionCache.delete(versionCache.keys().next().value!);
  versionCache.set(key, rows[0].definition);
  return rows[0].definition;
}

/** One published version with who published it. */
export async function getVersion(db: Queryable, flowId: string, version: number) {
  const { rows } = await db.query<{ published_at: Date; user_id: string | null; user_name: string | null }>(
    `select v.published_at, u.id as user_id, u.name as user_name from flow_versions v left join users u on u.id = v.published_by_id where v.flow_id = $1 and v.version = $2`,
    [flowId, version],
  );
  if (!rows[0]) throw notFound(`Version ${version} of the flow`);
  return {
    flowId,
    version,
    publishedAt: rows[0].published_at.toISOString(),
    publishedBy: rows[0].user_id ? { id: rows[0].user_id, name: rows[0].user_name ?? '' } : null,
    definition: await getDefinition(db, flowId, version),
  };
}

export interface PublishedFlow {
  id: string;
  slug: string;
  tags: string[];
  teamId: string | null;
  teamName: string | null;
  public: boolean;
  version: number;
  definition: FlowDefinition;
}

/** Flows that can be run now: published and not archived (optionally only the public ones). */
export async function publishedFlows(db: Queryable, options: { publicOnly?: boolean; slug?: string; id?: string } = {}): Promise<PublishedFlow[]> {
  const { rows } = await db.query<{ id: string; slug: string; tags: string[]; team_id: string | null; team_name: string | null; public: boolean; version: number; definition: FlowDefinition }>(
    `select f.id, f.slug, f.tags, f.team_id, t.name as team_name, f.public, v.version, v.definition
     from flows f join flow_versions v on v.flow_id = f.id and v.version = f.published_version
     left join teams t on t.id = f.team_id
     where not f.archived and ($1::boolean is not true or f.public) and ($2::text is null or f.slug = $2) and ($3::uuid is null or f.id = $3)
     order by f.slug`,
    [options.publicOnly ?? false, options.slug ?? null, options.id ?? null],
  );
  return rows.map((r) => ({ id: r.id, slug: r.slug, tags: r.tags, teamId: r.team_id, teamName: r.team_name, public: r.public, version: r.version, definition: r.definition }));
}
