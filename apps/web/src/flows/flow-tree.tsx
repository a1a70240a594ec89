import type { ReactNode } from 'react';
import { Badge, Box, Group, Text, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconFlag, IconHelpCircle, IconListCheck, IconPointFilled } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { exitsOf, localize } from './draft-ops.ts';
import type { FlowDefinition, FlowIssue, FlowStep } from './types.ts';

const typeIcon = { question: IconHelpCircle, instruction: IconListCheck, check: IconCircleCheck, outcome: IconFlag } as const;

interface Props {
  def: FlowDefinition;
  lang: string;
  issues?: FlowIssue[];
  selected?: string | null;
  onSelect?: (id: string) => void;
}

/**
 * The flow as a tree from its first step: each step, its branches labelled with the answers, and
 * where a branch joins a step shown earlier, a link to it instead of a copy. Steps no branch
 * reaches are listed below. Steps with problems carry a warning sign.
 */
export function FlowTree({ def, lang, issues = [], selected, onSelect }: Props) {
  const { t } = useTranslation('flows');
  const byId = new Map(def.steps.map((s) => [s.id, s]));
  const shown = new Set<string>();
  const problem = (id: string) => issues.find((i) => i.stepId === id && i.severity === 'error') ?? issues.find((i) => i.stepId === id);

  const label = (step: FlowStep, answer: string) => {
    if (step.type === 'question') return localize(step.answers.find((a) => a.id === answer)?.label, lang) || answer;
    return t(`answer.${answer}`);
  };

  const node = (id: string, path: string[]): ReactNode => {
    const step = byId.get(id);
    if (!step) {
      return (
        <Text size="xs" c="red">
          {t('tree.missing', { id })}
        </Text>
      );
    }
    const Icon = typeIcon[step.type];
    const issue = problem(id);
    const again = shown.has(id);
    const loop = path.includes(id);
    shown.add(id);
    const head = (
      <UnstyledButton
        onClick={() => onSelect?.(id)}
        aria-current={selected === id ? 'true' : undefined}
        data-testid="flow-tree-node"
        data-step={id}
        p={4}
        style={{ borderRadius: 6, display: 'block', width: '100%', background: selected === id ? 'var(--mantine-primary-color-light)' : undefined }}
      >
        <Group gap={6} wrap="nowrap" align="flex-start">
          <Icon size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
          <Text size="sm" style={{ flex: 1, minWidth: 0 }} lineClamp={2} fw={step.type === 'outcome' ? 600 : 400}>
            {localize(step.text, lang) || <Text span c="dimmed" inherit>{t('tree.noText')}</Text>}
          </Text>
          {step.type === 'outcome' && (
            <Badge size="xs" variant="light" tt="none" style={{ flexShrink: 0 }}>
              {t(`kind.${step.outcome.kind}`)}
            </Badge>
          )}
          <Badge size="xs" variant="outline" color="gray" tt="none" style={{ flexShrink: 0 }}>
            {id}
          </Badge>
          {issue && <IconAlertTriangle size={16} color={issue.severity === 'error' ? 'var(--mantine-color-red-7)' : 'var(--mantine-color-yellow-8)'} aria-label={t(`issue.${issue.code}`, { ...issue.params, step: id })} />}
        </Group>
      </UnstyledButton>
    );
    if (again || loop) {
      return (
        <UnstyledButton onClick={() => onSelect?.(id)} data-testid="flow-tree-link" data-step={id}>
          <Text size="xs" c={loop ? 'red' : 'dimmed'}>
            {loop ? t('tree.loop', { id }) : t('tree.joins', { id })}
          </Text>
        </UnstyledButton>
      );
    }
    const exits = exitsOf(step);
    return (
      <>
        {head}
        {exits.length > 0 && (
          <Box component="ul" pl={12} ml={7} my={0} style={{ listStyle: 'none', borderLeft: '1px solid var(--mantine-color-default-border)' }}>
            {exits.map((e) => (
              <li key={e.answer}>
                <Group gap={4} wrap="nowrap" mt={4}>
                  <IconPointFilled size={10} aria-hidden />
                  <Text size="xs" c="dimmed" fw={600}>
                    {label(step, e.answer)}
                  </Text>
                </Group>
                <Box pl={4}>{e.next ? node(e.next, [...path, id]) : <Text size="xs" c="red">{t('tree.deadEnd')}</Text>}</Box>
              </li>
            ))}
          </Box>
        )}
      </>
    );
  };

  const root = def.start && byId.has(def.start) ? node(def.start, []) : <Text size="sm" c="red">{t('tree.noStart')}</Text>;
  const orphans = def.steps.filter((s) => !shown.has(s.id));
  return (
    <Box data-testid="flow-tree">
      {root}
      {orphans.length > 0 && (
        <Box mt="md">
          <Text size="xs" fw={700} c="dimmed" mb={4}>
            {t('tree.unreachable')}
          </Text>
          {orphans.map((s) => (
            <Box key={s.id}>{node(s.id, [])}</Box>
          ))}
        </Box>
      )}
    </Box>
  );
}
