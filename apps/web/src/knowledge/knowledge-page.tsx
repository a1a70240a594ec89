import { lazy, Suspense, useState } from 'react';
import { Alert, Box, Button, Card, Group, Loader, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, Route, Routes, useSearchParams } from 'react-router';
import { languages } from '@switchboard/contracts/constants';
import { ErrorState } from '../ui/error-state.tsx';
import { ArticleViewPage } from './article-view.tsx';
import { ArticleStatsLine, FallbackBadge, Highlight, PolicyBadge, VisibilityBadge } from './badges.tsx';
import { CategoryTree } from './category-tree.tsx';
import { useCanEditKnowledge, useListLanguage } from './hooks.ts';
import { useArticleList, useKnowledgeCategories } from './queries.ts';

// The editor brings tiptap and ProseMirror: loaded only when someone writes.
const ArticleEditorPage = lazy(() => import('./article-editor.tsx').then((m) => ({ default: m.ArticleEditorPage })));
import type { KnowledgeLanguage, KnowledgeVisibility } from './types.ts';

function ArticleBrowser() {
  const { t } = useTranslation('knowledge');
  const canEdit = useCanEditKnowledge();
  const [params, setParams] = useSearchParams();
  const [language, setLanguage] = useListLanguage();
  const [q, setQ] = useState(params.get('q') ?? '');
  const [search] = useDebouncedValue(q.trim(), 250);
  const categoryId = params.get('category');
  const visibility = (params.get('visibility') as KnowledgeVisibility | null) ?? undefined;
  const categories = useKnowledgeCategories();
  const list = useArticleList({ q: search || undefined, language, categoryId: categoryId ?? undefined, visibility });
  const setParam = (key: string, value: string | null) =>
    setParams((p) => {
      const next = Object.fromEntries(p);
      if (value) next[key] = value;
      else delete next[key];
      return next;
    });
  const visibilities: KnowledgeVisibility[] = canEdit ? ['public', 'internal', 'draft'] : ['public', 'internal'];
  return (
    <Group align="flex-start" wrap="nowrap" gap="lg" style={{ flex: 1, overflow: 'auto' }} p="md">
      <Box w={260} style={{ flexShrink: 0 }} visibleFrom="sm">
        <Title order={2} size="h4" mb="sm">
          {t('title')}
        </Title>
        {categories.data && <CategoryTree categories={categories.data} selected={categoryId} onSelect={(id) => setParam('category', id)} language={language} canEdit={canEdit} />}
      </Box>
      <Stack style={{ flex: 1, minWidth: 0 }} gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4" hiddenFrom="sm">
            {t('title')}
          </Title>
          {canEdit && (
            <Button component={RouterLink} to="/knowledge/new" leftSection={<IconPlus size={16} aria-hidden />} data-testid="article-new">
              {t('article.new')}
            </Button>
          )}
        </Group>
        <Group gap="sm" wrap="wrap" align="flex-end">
          <TextInput
            style={{ flex: 1, minWidth: 220 }}
            label={t('search.label')}
            placeholder={t('search.placeholder')}
            value={q}
            onChange={(e) => {
              setQ(e.currentTarget.value);
              setParam('q', e.currentTarget.value || null);
            }}
            leftSection={<IconSearch size={16} aria-hidden />}
            rightSection={list.isFetching ? <Loader size="xs" aria-hidden /> : null}
            data-testid="knowledge-search"
          />
          <Select label={t('language')} w={150} data={languages.map((l) => ({ value: l, label: t(`common:languageName.${l}`) }))} value={language} onChange={(v) => v && setLanguage(v as KnowledgeLanguage)} allowDeselect={false} />
          <Select
            label={t('visibility.label')}
            w={180}
            data={visibilities.map((v) => ({ value: v, label: t(`visibility.${v}`) }))}
            value={visibility ?? null}
            onChange={(v) => setParam('visibility', v)}
            clearable
            placeholder={t('visibility.any')}
          />
        </Group>
        {list.isError && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
        {list.data?.correctedQuery && (
          <Alert color="blue" variant="light">
            {t('search.corrected', { query: list.data.correctedQuery })}
          </Alert>
        )}
        {list.data && list.data.items.length === 0 && <Text c="dimmed">{search ? t('search.none') : t('article.none')}</Text>}
        <Stack gap="xs" data-testid="article-list" aria-busy={list.isFetching}>
          {list.data?.items.map((a) => (
            <Card key={a.id} withBorder padding="sm" component={RouterLink} to={`/knowledge/articles/${a.id}?lang=${language}`} data-testid="article-row">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Stack gap={4} style={{ minWidth: 0 }} lang={a.language}>
                  <Text fw={600}>{a.title}</Text>
                  {a.highlight ? <Highlight parts={a.highlight} /> : a.summary && <Text size="sm" c="dimmed" lineClamp={2}>{a.summary}</Text>}
                </Stack>
                <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
                  {a.fellBack && <FallbackBadge language={a.language} />}
                  {a.isPolicy && <PolicyBadge />}
                  <VisibilityBadge visibility={a.visibility} />
                </Group>
              </Group>
              <ArticleStatsLine stats={a.stats} />
            </Card>
          ))}
        </Stack>
      </Stack>
    </Group>
  );
}

/** The knowledge section (/knowledge): browse and search, read an article, and (editors) write. */
export default function KnowledgePage() {
  return (
    <Suspense fallback={<Loader m="xl" aria-hidden />}>
      <Routes>
        <Route index element={<ArticleBrowser />} />
        <Route path="new" element={<ArticleEditorPage />} />
        <Route path="articles/:id" element={<ArticleViewPage />} />
        <Route path="articles/:id/edit" element={<ArticleEditorPage />} />
      </Routes>
    </Suspense>
  );
}
