import { useState, type FormEvent } from 'react';
import { Modal, MultiSelect, NumberInput, SegmentedControl, SimpleGrid, Stack, Switch, TagsInput, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { channels, languages } from '@switchboard/contracts/constants';
import { ApiError, patch } from '../api/client.ts';
import { ModalActions } from '../ui/modal-actions.tsx';
import { notifyFailed, notifySaved } from '../ui/notify.ts';
import type { AgentRouting, RoutingRule, Skill } from './types.ts';

export const rulesKey = ['routing', 'rules'] as const;
export const agentsKey = ['routing', 'agents'] as const;

/** Switches a team's routing on or off and says what it takes into account. */
export function RuleModal({ rule, onClose }: { rule: RoutingRule; onClose: () => void }) {
  const { t } = useTranslation('routing');
  const qc = useQueryClient();
  const [enabled, setEnabled] = useState(rule.enabled);
  const [strategy, setStrategy] = useState(rule.strategy);
  const [preferAccountOwner, setOwner] = useState(rule.preferAccountOwner);
  const [matchLanguage, setLanguage] = useState(rule.matchLanguage);
  const [tagSkills, setTags] = useState(rule.tagSkills);
  const [skillField, setSkillField] = useState(rule.skillField ?? '');
  const save = useMutation({
    mutationFn: () =>
      patch<RoutingRule>(`/routing/rules/${rule.team.id}`, { enabled, strategy, preferAccountOwner, matchLanguage, tagSkills, skillField: skillField.trim() || null }, {}),
    onSuccess: (saved) => {
      void qc.invalidateQueries({ queryKey: rulesKey });
      notifySaved(t('rules.saved', { team: saved.team.name }));
      onClose();
    },
    onError: (e) => notifyFailed(e),
  });
  const fieldError = (f: string) => (save.error instanceof ApiError ? save.error.fieldError(f) : undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Modal opened onClose={onClose} title={t('rules.editTitle', { team: rule.team.name })}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Switch label={t('rules.enabled')} description={t('rules.enabledHint')} checked={enabled} onChange={(e) => setEnabled(e.currentTarget.checked)} data-testid="rule-enabled" />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="rule-strategy-label">
              {t('rules.strategy')}
            </Text>
            <SegmentedControl
              aria-labelledby="rule-strategy-label"
              value={strategy}
              onChange={(v) => setStrategy(v as RoutingRule['strategy'])}
              data={[
                { value: 'least_busy', label: t('strategy.least_busy') },
                { value: 'round_robin', label: t('strategy.round_robin') },
              ]}
              data-testid="rule-strategy"
            />
            <Text size="xs" c="dimmed">
              {t(`strategy.hint.${strategy}`)}
            </Text>
          </Stack>
          <Switch label={t('rules.owner')} description={t('rules.ownerHint')} checked={preferAccountOwner} onChange={(e) => setOwner(e.currentTarget.checked)} data-testid="rule-owner" />
          <Switch label={t('rules.language')} description={t('rules.languageHint')} checked={matchLanguage} onChange={(e) => setLanguage(e.currentTarget.checked)} data-testid="rule-language" />
          <Switch label={t('rules.tags')} description={t('rules.tagsHint')} checked={tagSkills} onChange={(e) => setTags(e.currentTarget.checked)} data-testid="rule-tags" />
          <TextInput label={t('rules.field')} description={t('rules.fieldHint')} value={skillField} onChange={(e) => setSkillField(e.currentTarget.value)} error={fieldError('skillField')} data-testid="rule-field" />
          <ModalActions onCancel={onClose} loading={save.isPending} submitLabel={t('common:actions.save')} submitTestId="rule-save" />
        </Stack>
      </form>
    </Modal>
  );
}

const namesOf = (skills: Skill[], kind: Skill['kind']) => skills.filter((s) => s.kind === kind).map((s) => s.name);

/** An agent's languages, products, certifications and capacity per channel. */
export function AgentRoutingModal({ agent, onClose }: { agent: AgentRouting; onClose: () => void }) {
  const { t } = useTranslation('routing');
  const qc = useQueryClient();
  const [langs, setLangs] = useState(namesOf(agent.skills, 'language'));
  const [products, setProducts] = useState(namesOf(agent.skills, 'product'));
  const [certs, setCerts] = useState(namesOf(agent.skills, 'certification'));
  const [capacity, setCapacity] = useState<Record<string, number>>({ ...agent.capacity });
  const save = useMutation({
    mutationFn: () =>
      patch<AgentRouting>(`/routing/agents/${agent.user.id}`, {
        skills: [...langs.map((name) => ({ kind: 'language', name })), ...products.map((name) => ({ kind: 'product', name })), ...certs.map((name) => ({ kind: 'certification', name }))],
        capacity,
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: agentsKey });
      notifySaved(t('agents.saved', { name: agent.user.name }));
      onClose();
    },
    onError: (e) => notifyFailed(e),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Modal opened onClose={onClose} size="lg" title={t('agents.editTitle', { name: agent.user.name })}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <MultiSelect
            label={t('agents.languages')}
            description={t('agents.languagesHint')}
            data={languages.map((l) => ({ value: l, label: t(`language.${l}`) }))}
            value={langs}
            onChange={setLangs}
            comboboxProps={{ withinPortal: true }}
            data-testid="agent-languages"
          />
          <TagsInput label={t('agents.products')} description={t('agents.productsHint')} value={products} onChange={(v) => setProducts(v.map((x) => x.toLowerCase()))} data-testid="agent-products" />
          <TagsInput label={t('agents.certifications')} value={certs} onChange={(v) => setCerts(v.map((x) => x.toLowerCase()))} data-testid="agent-certifications" />
          <Text size="sm" fw={500}>
            {t('agents.capacity')}
          </Text>
          <Text size="xs" c="dimmed" mt={-12}>
            {t('agents.capacityHint')}
          </Text>
          <SimpleGrid cols={3}>
            {channels.map((ch) => (
              <NumberInput
                key={ch}
                label={t('common:channel.' + ch)}
                min={0}
                max={500}
                allowDecimal={false}
                value={capacity[ch] ?? 0}
                onChange={(v) => setCapacity((c) => ({ ...c, [ch]: typeof v === 'number' ? v : Number(v) || 0 }))}
                data-testid={`agent-capacity-${ch}`}
              />
            ))}
          </SimpleGrid>
          <ModalActions onCancel={onClose} loading={save.isPending} submitLabel={t('common:actions.save')} submitTestId="agent-save" />
        </Stack>
      </form>
    </Modal>
  );
}
