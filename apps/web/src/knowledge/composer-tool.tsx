import { useState } from 'react';
import { ActionIcon, Alert, Button, Group, Loader, Modal, Paper, ScrollArea, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconBook, IconLink, IconSearch, IconTextPlus } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { get, post } from '../api/client.ts';
import type { ComposerToolProps } from '../case/composer-tools.tsx';
import { notifyFailed } from '../ui/notify.ts';
import { ArticleStatsLine, FallbackBadge, Highlight, VisibilityBadge } from './badges.tsx';
import { useCaseSuggestions } from './case-panel.tsx';
import type { ArticleSearchHit, SearchArticlesResult, SentArticle } from './types.ts';

function Picker({ caseId, onClose, onInsert }: { caseId: string; onClose: () => void; onInsert: (text: string) => void }) {
  const { t } = useTranslation('knowledge');
  const qc = useQueryClient();
  const [q, setQ] = useState('');
  const [search] = useDebouncedValue(q.trim(), 250);
  const suggestions = useCaseSuggestions(caseId);
  const language = suggestions.data?.language;
  const results = useQuery({
    queryKey: ['knowledge', 'insert-search', search, language],
    queryFn: () => get<SearchArticlesResult>('/knowledge/search', { q: search, language, limit: 20 }),
    enabled: search.length > 0,
    placeholderData: keepPreviousData,
  });
  // Agents often type in their own language: when nothing matches in the customer's, search every
  // language. Inserting still uses the customer's version of the article where it has one.
  const inOwn = results.data && !results.isPlaceholderData ? results.data.items.length : null;
  const anyLanguage = useQuery({
    queryKey: ['knowledge', 'insert-search', search, 'any-language'],
    queryFn: () => get<SearchArticlesResult>('/knowledge/search', { q: search, limit: 20 }),
    enabled: search.length > 0 && !!language && inOwn === 0,
  });
  const otherLanguages = !!search && inOwn === 0 && (anyLanguage.data?.items.length ?? 0) > 0;
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const send = useMutation({
    mutationFn: (v: { article: ArticleSearchHit; mode: 'text' | 'link' }) =>
      post<SentArticle>(`/cases/${caseId}/knowledge/send`, { articleId: v.article.id, mode: v.mode }, { idempotencyKey: `${idempotencyKey}:${v.article.id}:${v.mode}` }),
    onSuccess: (sent, v) => {
      onInsert(sent.text);
      void qc.invalidateQueries({ queryKey: ['timeline', caseId] });
      void qc.invalidateQueries({ queryKey: ['knowledge'] });
      const languageName = t(`common:languageName.${sent.language}`);
      notifications.show({
        color: sent.fellBack ? 'orange' : 'green',
        message: sent.fellBack ? t('send.insertedFallback', { title: v.article.title, language: languageName }) : t('send.inserted', { title: v.article.title, language: languageName }),
        autoClose: 5000,
      });
      onClose();
    },
    onError: (err) => notifyFailed(err, t('send.failed')),
  });
  const items = search ? ((otherLanguages ? anyLanguage.data?.items : results.data?.items) ?? []) : (suggestions.data?.items ?? []);
  const loading = search ? results.isFetching || anyLanguage.isFetching : suggestions.isPending;
  return (
    <Modal opened onClose={onClose} size="xl" title={t('send.title')} returnFocus data-testid="article-picker">
      <Stack gap="sm">
        <TextInput
          data-autofocus
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          placeholder={t('search.placeholder')}
          aria-label={t('search.label')}
          leftSection={<IconSearch size={16} aria-hidden />}
          rightSection={loading ? <Loader size="xs" aria-hidden /> : null}
          data-testid="article-picker-search"
        />
        {language && (
          <Text size="sm" c="dimmed">
            {t('send.language', { language: t(`common:languageName.${language}`) })}
          </Text>
        )}
        {!search && <Text size="sm" fw={600}>{t('send.suggested')}</Text>}
        {results.data?.correctedQuery && search && !otherLanguages && <Alert variant="light">{t('search.corrected', { query: results.data.correctedQuery })}</Alert>}
        {otherLanguages && language && (
          <Alert variant="light" color="orange" data-testid="article-picker-other-languages">
            {t('send.otherLanguages', { language: t(`common:languageName.${language}`) })}
          </Alert>
        )}
        <ScrollArea.Autosize mah={420} type="auto">
          <Stack gap="xs" aria-live="polite">
            {!loading && items.length === 0 && <Text c="dimmed">{search ? t('search.none') : t('send.noSuggestions')}</Text>}
            {items.map((a) => {
              const sendable = a.visibility === 'public';
              return (
                <Paper key={a.id} withBorder p="sm" data-testid="article-option">
                  <Group justify="space-between" wrap="nowrap" align="flex-start">
                    <Stack gap={2} style={{ minWidth: 0 }}>
                      <Text fw={600} lang={a.language}>
                        {a.title}
                        {otherLanguages && a.language !== language && (
                          <Text span size="xs" c="dimmed" fw={400}>
                            {' '}
                            ({t(`common:languageName.${a.language}`)})
                          </Text>
                        )}
                      </Text>
                      {a.highlight.length > 0 && <Highlight parts={a.highlight} />}
                      <Group gap={6}>
                        {a.fellBack && <FallbackBadge language={a.language} />}
                        {!sendable && <VisibilityBadge visibility={a.visibility} />}
                        <ArticleStatsLine stats={a.stats} />
                      </Group>
                    </Stack>
                    <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
                      <Tooltip label={sendable ? t('send.linkHint') : t('send.internalHint')}>
                        <Button size="xs" variant="light" leftSection={<IconLink size={14} aria-hidden />} disabled={!sendable || send.isPending} onClick={() => send.mutate({ article: a, mode: 'link' })} data-testid="insert-link">
                          {t('send.mode.link')}
                        </Button>
                      </Tooltip>
                      <Button size="xs" variant="default" leftSection={<IconTextPlus size={14} aria-hidden />} disabled={!sendable || send.isPending} onClick={() => send.mutate({ article: a, mode: 'text' })} data-testid="insert-text">
                        {t('send.mode.text')}
                      </Button>
                    </Group>
                  </Group>
                </Paper>
              );
            })}
          </Stack>
        </ScrollArea.Autosize>
      </Stack>
    </Modal>
  );
}

/** The composer's "insert an article" button: suggested articles for the case, or a search. */
export function KnowledgeTool({ caseId, mode, insert, disabled }: ComposerToolProps) {
  const { t } = useTranslation('knowledge');
  const [open, setOpen] = useState(false);
  const label = t('send.open');
  if (mode !== 'reply') return null;
  return (
    <>
      <Tooltip label={label}>
        <ActionIcon variant="default" size="lg" onClick={() => setOpen(true)} disabled={disabled} aria-label={label} data-testid="knowledge-open">
          <IconBook size={18} />
        </ActionIcon>
      </Tooltip>
      {open && <Picker caseId={caseId} onClose={() => setOpen(false)} onInsert={insert} />}
    </>
  );
}
