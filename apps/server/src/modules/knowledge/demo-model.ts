import type { KnowledgeVisibility, KnowledgeLanguage } from '@switchboard/contracts';

/** One language version of a demo article; `body` is HTML like the editor writes. */
export interface DemoText {
  title: string;
  summary: string;
  body: string;
}

export interface DemoArticle {
  slug: string;
  category: string;
  visibility: KnowledgeVisibility;
  source: KnowledgeLanguage;
  /** A company policy pinned to these teams (by name) and case tags. */
  policy?: { teams: string[]; tags: string[] };
  texts: Partial<Record<KnowledgeLanguage, DemoText>>;
}

export interface DemoCategory {
  slug: string;
  parent?: string;
  names: Record<KnowledgeLanguage, { name: string; description: string }>;
}
