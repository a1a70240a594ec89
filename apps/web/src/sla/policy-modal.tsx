import { useState, type FormEvent } from 'react';
import { Checkbox, Fieldset, Group, Modal, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Switch, TagsInput, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { channels, priorities } from '@switchboard/contracts/constants';
import { ApiError, patch, post } from '../api/client.ts';
import { useTeams, useUsers } from '../api/hooks.ts';
import type { EscalationAction, Priority, SlaPolicy } from '../api/types.ts';
import { ModalActions } from '../ui/modal-actions.tsx';
import { notifyFailed, notifySaved } from '../ui/notify.ts';

type Targets = SlaPolicy['targets'];
const metrics = ['firstResponse', 'nextResponse', 'resolution'] as const;
/** Reassign: nobody (no action), the team queue, or a chosen agent. */
const QUEUE = 'queue';
const NONE = 'none';
const ONE_STEP = 'step';

const minutes = (v: string | number) => (typeof v === 'number' && v > 0 ? Math.round(v) : null);

/** Adds an SLA policy (policy = null) or changes one: conditions, targets, warning, escalation. */
export function PolicyModal({ policy, onClose }: { policy: SlaPolicy | null; onClose: () => void }) {
  const { t } = useTranslation('sla');
  const qc = useQueryClient();
  const teams = useTeams();
  const users = useUsers();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [name, setName] = useState(policy?.name ?? '');
  const [enabled, setEnabled] = useState(policy?.enabled ?? true);
  const [prios, setPrios] = useState<string[]>(policy?.conditions.priorities ?? []);
  const [tiers, setTiers] = useState<string[]>(policy?.conditions.tiers ?? []);
  const [chans, setChans] = useState<string[]>(policy?.conditions.channels ?? []);
  const [teamIds, setTeamIds] = useState<string[]>(policy?.conditions.teamIds ?? []);
  const [targets, setTargets] = useState<Targets>(policy?.targets ?? { firstResponse: 60, nextResponse: 120, resolution: 1440 });
  const [warnPercent, setWarnPercent] = useState<number | null>(policy ? policy.warnPercent : 80);
  const actions = policy?.escalation ?? [{ type: 'notify' }];
  const [notify, setNotify] = useState(actions.some((a) => a.type === 'notify'));
  const reassignAction = actions.find((a) => a.type === 'reassign');
  const [reassign, setReassign] = useState<string>(reassignAction ? (reassignAction.userId ?? QUEUE) : NONE);
  const raiseAction = actions.find((a) => a.type === 'raise_priority');
  const [raise, setRaise] = useState<string>(raiseAction ? (raiseAction.to ?? ONE_STEP) : NONE);

  const escalation = (): EscalationAction[] => {
    const out: EscalationAction[] = [];
    if (notify) out.push({ type: 'notify' });
    if (reassign !== NONE) out.push({ type: 'reassign', userId: reassign === QUEUE ? null : reassign });
    if (raise !== NONE) out.push(raise === ONE_STEP ? { type: 'raise_priority' } : { type: 'raise_priority', to: raise as Priority });
    return out;
  };
  const save = useMutation({
    mutationFn: () => {
      const conditions = {
        ...(prios.length ? { priorities: prios } : {}),
        ...(tiers.length ? { tiers } : {}),
        ...(chans.length ? { channels: chans } : {}),
        ...(teamIds.length ? { teamIds } : {}),
      };
      const body = { name, enabled, conditions, targets, warnPercent, escalation: escalation() };
      return policy ? patch<SlaPolicy>(`/sla-policies/${policy.id}`, body, { version: policy.version }) : post<SlaPolicy>('/sla-policies', body, { idempotencyKey });
    },
    onSuccess: (saved) => {
      void qc.invalidateQueries({ queryKey: ['sla-policies'] });
      notifySaved(t(policy ? 'policies.saved' : 'policies.created', { name: saved.name }));
      onClose();
    },
    onError: notifyFailed,
  });
  const fieldError = (f: string) => (save.error instanceof ApiError ? save.error.fieldError(f) : undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const agentOptions = (users.data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }));

  return (
    <Modal opened onClose={onClose} title={policy ? t('policies.editTitle', { name: policy.name }) : t('policies.newTitle')} size="xl">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Group align="flex-end" grow>
            <TextInput label={t('policies.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError('name')} data-testid="policy-name" data-autofocus />
            <Switch label={t('policies.enabled')} checked={enabled} onChange={(e) => setEnabled(e.currentTarget.checked)} data-testid="policy-enabled" />
          </Group>
          <Fieldset legend={t('policies.conditions')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <MultiSelect label={t('policies.priorities')} placeholder={t('policies.any')} data={priorities.map((p) => ({ value: p, label: t(`common:priority.${p}`) }))} value={prios} onChange={setPrios} comboboxProps={{ withinPortal: true }} />
              <TagsInput label={t('policies.tiers')} description={t('policies.tiersHint')} placeholder={t('policies.any')} value={tiers} onChange={setTiers} />
              <MultiSelect label={t('policies.channels')} placeholder={t('policies.any')} data={channels.map((c) => ({ value: c, label: t(`common:channel.${c}`) }))} value={chans} onChange={setChans} comboboxProps={{ withinPortal: true }} />
              <MultiSelect label={t('policies.teams')} placeholder={t('policies.any')} data={(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))} value={teamIds} onChange={setTeamIds} searchable comboboxProps={{ withinPortal: true }} />
            </SimpleGrid>
          </Fieldset>
          <Fieldset legend={t('policies.targets')}>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              {metrics.map((m) => (
                <NumberInput
                  key={m}
                  label={t(`policies.target.${m}`)}
                  description={t('policies.minutesHint')}
                  placeholder={t('policies.notMeasured')}
                  min={1}
                  max={525600}
                  allowDecimal={false}
                  value={targets[m] ?? ''}
                  onChange={(v) => setTargets((x) => ({ ...x, [m]: minutes(v) }))}
                  error={fieldError(`targets.${m}`) ?? (m === 'firstResponse' ? fieldError('targets') : undefined)}
                  data-testid={`policy-target-${m}`}
                />
              ))}
            </SimpleGrid>
            <NumberInput
              mt="sm"
              maw={320}
              label={t('policies.warnPercent')}
              description={t('policies.warnHint')}
              placeholder={t('policies.noWarning')}
              min={1}
              max={99}
              suffix=" %"
              allowDecimal={false}
              value={warnPercent ?? ''}
              onChange={(v) => setWarnPercent(minutes(v))}
              error={fieldError('warnPercent')}
              data-testid="policy-warn"
            />
          </Fieldset>
          <Fieldset legend={t('policies.escalation')}>
            <Stack gap="sm">
              <Checkbox label={t('policies.notify')} checked={notify} onChange={(e) => setNotify(e.currentTarget.checked)} data-testid="policy-notify" />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Select
                  label={t('policies.reassign')}
                  data={[{ value: NONE, label: t('policies.noReassign') }, { value: QUEUE, label: t('policies.toQueue') }, ...agentOptions]}
                  value={reassign}
                  onChange={(v) => v && setReassign(v)}
                  allowDeselect={false}
                  searchable
                  error={fieldError('escalation.1.userId')}
                  comboboxProps={{ withinPortal: true }}
                />
                <Select
                  label={t('policies.raise')}
                  data={[{ value: NONE, label: t('policies.noRaise') }, { value: ONE_STEP, label: t('policies.oneStep') }, ...priorities.map((p) => ({ value: p, label: t('policies.raiseTo', { priority: t(`common:priority.${p}`) }) }))]}
                  value={raise}
                  onChange={(v) => v && setRaise(v)}
                  allowDeselect={false}
                  comboboxProps={{ withinPortal: true }}
                />
              </SimpleGrid>
            </Stack>
          </Fieldset>
          <ModalActions onCancel={onClose} loading={save.isPending} submitLabel={policy ? t('common:actions.save') : t('common:actions.create')} submitTestId="policy-save" />
        </Stack>
      </form>
    </Modal>
  );
}
