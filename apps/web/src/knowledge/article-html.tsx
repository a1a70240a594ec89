import { Typography } from '@mantine/core';
import DOMPurify from 'dompurify';
import type { KnowledgeArticle, KnowledgeLanguage } from './types.ts';

/** Article HTML is sanitized on the server when saved; this is a second line of defence. */
export function ArticleHtml({ html, lang }: { html: string; lang?: string }) {
  return (
    <Typography>
      <div lang={lang} dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(html, { FORBID_TAGS: ['style', 'form', 'input', 'button', 'iframe'] }) }} />
    </Typography>
  );
}

/** The translation for a language, else the source language's, else any; and whether it fell back. */
export function pickTranslation(article: KnowledgeArticle, language: KnowledgeLanguage) {
  const own = article.translations.find((t) => t.language === language);
  const translation = own ?? article.translations.find((t) => t.language === article.sourceLanguage) ?? article.translations[0]!;
  return { translation, fellBack: !own };
}
