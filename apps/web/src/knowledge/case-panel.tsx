import { Accordion, Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { IconBook, IconShieldCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { get } from '../api/client.ts';
import type { CasePanelProps } from '../case/side-panels.tsx';
import { ArticleHtml } from './article-html.tsx';
import { ArticleStatsLine, FallbackBadge, VisibilityBadge } from './badges.tsx';
import type { CaseArticleSuggestions, CasePolicies } from './types.ts';

/** Articles that fit the case, in the customer's language (shared with the composer tool). */
export const useCaseSuggestions = (caseId: string, enabled = true) =>
  useQuery({ queryKey: ['knowledge', 'case-suggestions', caseId], queryFn: () => get<CaseArticleSuggestions>(`/cases/${caseId}/knowledge/suggestions`), enabled, staleTime: 60_000 });

const useCasePolicies = (caseId: string, teamId: string | null, tags: string[]) =>
  useQuery({ queryKey: ['knowledge', 'case-policies', caseId, teamId, tags], queryFn: () => get<CasePolicies>(`/cases/${caseId}/knowledge/policies`), staleTime: 60_000 });

/**
 * The knowledge base beside a case: the company policies pinned to its team or tags (expand to
 * read), and suggested articles from its text. Shows nothing when there is neither.
 */
export function KnowledgePanel({ c }: CasePanelProps) {
  const { t } = useTranslation('knowledge');
  const policies = useCasePolicies(c.id, c.team?.id ?? null, c.tags);
  const suggestions = useCaseSuggestions(c.id);
  const policyItems = policies.data?.items ?? [];
  const suggested = suggestions.data?.items ?? [];
  if (policyItems.length === 0 && suggested.length === 0) return null;
  return (
    <Stack gap="md" data-testid="knowledge-panel">
      {policyItems.length > 0 && (
        <section aria-labelledby="kb-policies">
          <Group gap={6} mb={4}>
            <IconShieldCheck size={16} aria-hidden />
            <Title order={3} size="h6" id="kb-policies">
              {t('panel.policies')}
            </Title>
          </Group>
          <Accordion variant="separated" chevronPosition="right" data-testid="case-policies">
            {policyItems.map((p) => (
              <Accordion.Item key={p.id} value={p.id}>
                <Accordion.Control>
                  <Text size="sm" fw={600} lang={p.language}>
                    {p.title}
                  </Text>
                  <Group gap={4} mt={2}>
                    {p.pinnedBy.team && (
                      <Badge size="xs" variant="light">
                        {t('panel.pinnedTeam')}
                      </Badge>
                    )}
                    {p.pinnedBy.tags.map((tag) => (
                      <Badge key={tag} size="xs" variant="outline" tt="none">
                        #{tag}
                      </Badge>
                    ))}
                    {p.fellBack && <FallbackBadge language={p.language} />}
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  <ArticleHtml html={p.bodyHtml} lang={p.language} />
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        </section>
      )}
      {suggested.length > 0 && (
        <section aria-labelledby="kb-suggested">
          <Group gap={6} mb={4}>
            <IconBook size={16} aria-hidden />
            <Title order={3} size="h6" id="kb-suggested">
              {t('panel.suggested', { language: t(`common:languageName.${suggestions.data!.language}`) })}
            </Title>
          </Group>
          <Stack gap="xs" data-testid="case-suggestions">
            {suggested.map((a) => (
              <Stack key={a.id} gap={2}>
                <Group gap={4} wrap="nowrap" justify="space-between">
                  <Anchor component={RouterLink} to={`/knowledge/articles/${a.id}?lang=${suggestions.data!.language}`} size="sm" fw={600} lang={a.language}>
                    {a.title}
                  </Anchor>
                  {a.visibility !== 'public' && <VisibilityBadge visibility={a.visibility} />}
                </Group>
                <Group gap={6}>
                  {a.fellBack && <FallbackBadge language={a.language} />}
                  <ArticleStatsLine stats={a.stats} />
                </Group>
              </Stack>
            ))}
          </Stack>
          <Text size="xs" c="dimmed" mt={4}>
            {t('panel.insertHint')}
          </Text>
        </section>
      )}
    </Stack>
  );
}
