import { useEffect, useState } from 'react';
import { Alert, Anchor, Box, Button, Checkbox, CloseButton, Group, Loader, MultiSelect, Paper, Select, Stack, Tabs, TagsInput, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconArrowLeft, IconPaperclip } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import { languages } from '@switchboard/contracts/constants';
import { api, del, patch, post } from '../api/client.ts';
import { useTeams } from '../api/hooks.ts';
import { ErrorState } from '../ui/error-state.tsx';
import { notifyFailed, notifySaved } from '../ui/notify.ts';
import { categoryLabel } from './category-tree.tsx';
import { useCanEditKnowledge, useListLanguage } from './hooks.ts';
import { useArticle, useKnowledgeCategories } from './queries.ts';
import { ArticleRichText } from './rich-text.tsx';
import type { KnowledgeArticle, KnowledgeFile, KnowledgeLanguage, KnowledgeVisibility } from './types.ts';

interface Draft {
  slug: string;
  categoryId: string | null;
  visibility: KnowledgeVisibility;
  sourceLanguage: KnowledgeLanguage;
  policy: { isPolicy: boolean; teamIds: string[]; tags: string[] };
  translations: Partial<Record<KnowledgeLanguage, { title: string; summary: string; bodyHtml: string }>>;
  files: KnowledgeFile[];
}

const emptyDraft = (language: KnowledgeLanguage): Draft => ({
  slug: '',
  categoryId: null,
  visibility: 'draft',
  sourceLanguage: language,
  policy: { isPolicy: false, teamIds: [], tags: [] },
  translations: {},
  files: [],
});

const fromArticle = (a: KnowledgeArticle): Draft => ({
  slug: a.slug,
  categoryId: a.categoryId,
  visibility: a.visibility,
  sourceLanguage: a.sourceLanguage,
  policy: a.policy,
  translations: Object.fromEntries(a.translations.map((t) => [t.language, { title: t.title, summary: t.summary, bodyHtml: t.bodyHtml }])),
  files: a.files,
});

async function uploadFile(file: File): Promise<KnowledgeFile> {
  const form = new FormData();
  form.append('file', file);
  return api<KnowledgeFile>('POST', '/knowledge/files', { body: form });
}

/** A translation counts when it has a title; an empty tab is not saved. */
const written = (t: Draft['translations'][KnowledgeLanguage]) => !!t && t.title.trim() !== '';

function Editor({ article }: { article: KnowledgeArticle | null }) {
  const { t } = useTranslation('knowledge');
  const navigate = useNavigate();
  const qc = useQueryClient();
  const teams = useTeams();
  const categories = useKnowledgeCategories();
  const [listLanguage] = useListLanguage();
  const [draft, setDraft] = useState<Draft>(() => (article ? fromArticle(article) : emptyDraft(listLanguage)));
  const [tab, setTab] = useState<KnowledgeLanguage>(listLanguage);
  useEffect(() => {
    if (article) setDraft(fromArticle(article));
  }, [article]);
  const tr = draft.translations[tab] ?? { title: '', summary: '', bodyHtml: '' };
  const setTr = (patchTr: Partial<typeof tr>) => setDraft((d) => ({ ...d, translations: { ...d.translations, [tab]: { ...tr, ...patchTr } } }));

  const save = useMutation({
    mutationFn: () => {
      const translations = Object.fromEntries(Object.entries(draft.translations).filter(([, v]) => written(v)));
      const common = { categoryId: draft.categoryId, visibility: draft.visibility, sourceLanguage: draft.sourceLanguage, policy: draft.policy, fileIds: draft.files.map((f) => f.id) };
      if (!article) return post<KnowledgeArticle>('/knowledge/articles', { ...common, ...(draft.slug ? { slug: draft.slug } : {}), translations });
      const removed = Object.fromEntries(article.translations.filter((x) => !written(draft.translations[x.language])).map((x) => [x.language, null]));
      return patch<KnowledgeArticle>(`/knowledge/articles/${article.id}`, { ...common, slug: draft.slug, translations: { ...translations, ...removed } }, { version: article.version });
    },
    onSuccess: (saved) => {
      qc.setQueryData(['knowledge', 'article', saved.id], saved);
      void qc.invalidateQueries({ queryKey: ['knowledge'] });
      notifySaved(t('editor.saved'));
      navigate(`/knowledge/articles/${saved.id}?lang=${tab}`);
    },
    onError: (err) => notifyFailed(err, t('editor.saveFailed')),
  });
  const remove = useMutation({
    mutationFn: () => del(`/knowledge/articles/${article!.id}`),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['knowledge'] });
      navigate('/knowledge');
    },
    onError: (err) => notifyFailed(err, t('editor.deleteFailed')),
  });
  const attach = async (file: File | null) => {
    if (!file) return;
    try {
      const uploaded = await uploadFile(file);
      setDraft((d) => ({ ...d, files: [...d.files, uploaded] }));
    } catch (err) {
      notifyFailed(err, t('editor.uploadFailed'));
    }
  };

  return (
    <Stack maw={980} gap="md">
      <Group justify="space-between">
        <Button component={RouterLink} to={article ? `/knowledge/articles/${article.id}` : '/knowledge'} variant="subtle" leftSection={<IconArrowLeft size={16} aria-hidden />}>
          {t('back')}
        </Button>
        <Title order={1} size="h3">
          {article ? t('editor.editTitle') : t('article.new')}
        </Title>
      </Group>
      <Paper withBorder p="md">
        <Group grow align="flex-start" wrap="wrap">
          <Select label={t('visibility.label')} data={(['public', 'internal', 'draft'] as const).map((v) => ({ value: v, label: t(`visibility.${v}`) }))} value={draft.visibility} onChange={(v) => v && setDraft({ ...draft, visibility: v as KnowledgeVisibility })} allowDeselect={false} data-testid="editor-visibility" />
          <Select label={t('editor.category')} data={(categories.data ?? []).map((c) => ({ value: c.id, label: categoryLabel(c, tab) }))} value={draft.categoryId} onChange={(v) => setDraft({ ...draft, categoryId: v })} clearable placeholder={t('editor.noCategory')} />
          <Select label={t('editor.source')} description={t('editor.sourceHint')} data={languages.map((l) => ({ value: l, label: t(`common:languageName.${l}`) }))} value={draft.sourceLanguage} onChange={(v) => v && setDraft({ ...draft, sourceLanguage: v as KnowledgeLanguage })} allowDeselect={false} />
          <TextInput label={t('editor.slug')} description={t('editor.slugHint')} value={draft.slug} onChange={(e) => setDraft({ ...draft, slug: e.currentTarget.value })} />
        </Group>
      </Paper>
      <Tabs value={tab} onChange={(v) => v && setTab(v as KnowledgeLanguage)}>
        <Tabs.List>
          {languages.map((l) => (
            <Tabs.Tab key={l} value={l} data-testid={`editor-tab-${l}`}>
              {t(`common:languageName.${l}`)}
              {written(draft.translations[l]) ? ' ✓' : ''}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      {!written(draft.translations[tab]) && article && <Alert color="orange" variant="light">{t('editor.noTranslation', { language: t(`common:languageName.${tab}`) })}</Alert>}
      <Stack gap="sm" key={tab} lang={tab}>
        <TextInput label={t('editor.title')} value={tr.title} onChange={(e) => setTr({ title: e.currentTarget.value })} required={tab === draft.sourceLanguage} data-testid="editor-title" />
        <Textarea label={t('editor.summary')} description={t('editor.summaryHint')} value={tr.summary} onChange={(e) => setTr({ summary: e.currentTarget.value })} autosize minRows={1} maxLength={500} />
        <ArticleRichText label={t('editor.body')} value={tr.bodyHtml} onChange={(html) => setTr({ bodyHtml: html })} onUploadImage={async (file) => (await uploadFile(file)).url} />
      </Stack>
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Checkbox label={t('policy.isPolicy')} description={t('policy.hint')} checked={draft.policy.isPolicy} onChange={(e) => setDraft({ ...draft, policy: { ...draft.policy, isPolicy: e.currentTarget.checked } })} data-testid="editor-policy" />
          {draft.policy.isPolicy && (
            <Group grow align="flex-start" wrap="wrap">
              <MultiSelect label={t('policy.teams')} data={(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))} value={draft.policy.teamIds} onChange={(teamIds) => setDraft({ ...draft, policy: { ...draft.policy, teamIds } })} searchable />
              <TagsInput label={t('policy.tags')} description={t('policy.tagsHint')} value={draft.policy.tags} onChange={(tags) => setDraft({ ...draft, policy: { ...draft.policy, tags } })} />
            </Group>
          )}
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Text fw={600} mb="xs">
          {t('files.title')}
        </Text>
        <Stack gap={4}>
          {draft.files.map((file) => (
            <Group key={file.id} gap="xs">
              <Anchor href={file.url} target="_blank" rel="noopener">
                {file.fileName}
              </Anchor>
              <CloseButton size="sm" aria-label={t('files.remove', { name: file.fileName })} onClick={() => setDraft({ ...draft, files: draft.files.filter((x) => x.id !== file.id) })} />
            </Group>
          ))}
          <Box>
            <Button component="label" variant="default" size="xs" leftSection={<IconPaperclip size={14} aria-hidden />}>
              {t('files.add')}
              <input type="file" hidden onChange={(e) => void attach(e.currentTarget.files?.[0] ?? null)} />
            </Button>
          </Box>
        </Stack>
      </Paper>
      <Group justify="space-between">
        {article ? (
          <Button color="red" variant="subtle" onClick={() => window.confirm(t('editor.confirmDelete')) && remove.mutate()} loading={remove.isPending}>
            {t('editor.delete')}
          </Button>
        ) : (
          <span />
        )}
        <Button onClick={() => save.mutate()} loading={save.isPending} data-testid="editor-save">
          {t('save')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Writing an article (/knowledge/new) or changing one (/knowledge/articles/:id/edit). */
export function ArticleEditorPage() {
  const { t } = useTranslation('knowledge');
  const { id } = useParams();
  const canEdit = useCanEditKnowledge();
  const article = useArticle(id);
  if (!canEdit) return <ErrorState error={new Error(t('editor.forbidden'))} />;
  return (
    <Box style={{ flex: 1, overflow: 'auto' }} p="md">
      {id && article.isPending && <Loader aria-label={t('common:loading')} />}
      {id && article.isError && <ErrorState error={article.error} onRetry={() => void article.refetch()} />}
      {(!id || article.data) && <Editor article={article.data ?? null} />}
    </Box>
  );
}
