/** A readable, dependency-free HTML rendering of the OpenAPI document for people with a browser. */
const esc = (s: unknown): string => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

interface Operation {
  summary?: string;
  tags?: string[];
  security?: unknown[];
  parameters?: Array<{ name: string; in: string; required?: boolean }>;
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses?: Record<string, { content?: Record<string, { schema: unknown }> }>;
}

export function renderDocsPage(doc: Record<string, unknown>): string {
  const info = doc.info as { title: string; version: string; description: string };
  const paths = doc.paths as Record<string, Record<string, Operation>>;
  const byTag = new Map<string, string[]>();
  for (const [path, ops] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const tag = op.tags?.[0] ?? 'Other';
      const params = (op.parameters ?? []).map((p) => `<code>${esc(p.name)}</code> <small>(${esc(p.in)}${p.required ? ', required' : ''})</small>`).join(', ');
      const body = op.requestBody?.content['application/json']?.schema;
      const ok = Object.entries(op.responses ?? {}).find(([code]) => code !== 'default');
      const out = ok?.[1].content?.['application/json']?.schema;
      const html = `<article><h3><span class="m ${esc(method)}">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code></h3>
        <p>${esc(op.summary ?? '')}${op.security?.length ? '' : ' <em>(no sign-in needed)</em>'}</p>
        ${params ? `<p>Parameters: ${params}</p>` : ''}
        ${body ? `<details><summary>Request body</summary><pre>${esc(JSON.stringify(body, null, 2))}</pre></details>` : ''}
        ${out ? `<details><summary>Response ${esc(ok![0])}</summary><pre>${esc(JSON.stringify(out, null, 2))}</pre></details>` : ''}</article>`;
      byTag.set(tag, [...(byTag.get(tag) ?? []), html]);
    }
  }
  const sections = [...byTag].map(([tag, ops]) => `<section><h2>${esc(tag)}</h2>${ops.join('')}</section>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(info.title)} ${esc(info.version)}</title><style>
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1f2933;background:#f7f9fb}main{max-width:60rem;margin:0 auto;padding:1rem 1.5rem 4rem}
h1{margin-bottom:.2rem}h2{margin-top:2.5rem;border-bottom:1px solid #d5dde6}article{background:#fff;border:1px solid #e1e7ee;border-radius:8px;padding:.2rem 1rem;margin:.8rem 0}
h3{font-size:1rem;margin:.6rem 0 .2rem}.m{display:inline-block;min-width:4.2rem;text-align:center;border-radius:4px;color:#fff;font-size:.8rem;padding:.1rem .3rem}
.get{background:#1d6f42}.post{background:#1d4ed8}.patch{background:#92400e}.put{background:#6b21a8}.delete{background:#b91c1c}
pre{background:#0f172a;color:#e2e8f0;padding:.8rem;border-radius:6px;overflow:auto;font-size:.8rem}code{font-size:.9em}</style></head>
<body><main><h1>${esc(info.title)}</h1><p>Version ${esc(info.version)} · <a href="/api/docs/openapi.json">OpenAPI 3.1 JSON</a></p><p>${esc(info.description)}</p>${sections}</main></body></html>`;
}
