/** Knowledge base: articles in four languages, their search, the public help center and policies on cases. */
import type { RouteSpec } from '../../platform/http/routes.ts';
import { caseKnowledgeRoutes } from './case-routes.ts';
import { knowledgeRoutes as articleRoutes } from './routes.ts';

export const knowledgeRoutes: readonly RouteSpec[] = [...articleRoutes, ...caseKnowledgeRoutes];
export { registerHelpCenter, loadHelpBranding } from './help-center.ts';
export { renderHelpCenterPage, sendHelpCenterPage, escapeHtml, defaultHelpBranding, type HelpBranding, type HelpPageOptions, type HelpNavKey, type HelpAlternate } from './help-layout.ts';
export { helpLanguages, isHelpLanguage, type HelpLanguage } from './help-strings.ts';
export { findArticleLink, type ArticleLinkInfo } from './article-link.ts';
export { searchArticles } from './search-articles.ts';
export { seedKnowledgeDemo } from './demo.ts';
