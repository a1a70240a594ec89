import { useState, type FormEvent } from 'react';
import { Alert, Badge, Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle, IconArrowsExchange } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, get, post } from '../api/client.ts';
import { useTeams } from '../api/hooks.ts';
import type { Case } from '../api/types.ts';
import { useFormat } from '../i18n/format.ts';
import { ModalActions } from '../ui/modal-actions.tsx';
import { notifyFailed, notifySaved } from '../ui/notify.ts';
import type { CaseRouting } from './types.ts';

const routingKey = (caseId: string) => ['case-routing', caseId] as const;

/** The case's latest transfer and its escalations; refetched whenever the case changes. */
export function useCaseRouting(c: Case) {
  return useQuery({
    queryKey: [...routingKey(c.id), c.version, c.team?.id],
    queryFn: ({ signal }) => get<CaseRouting>(`/cases/${c.id}/routing`, undefined, signal),
    staleTime: 30_000,
  });
}

function TransferModal({ c, onClose }: { c: Case; onClose: () => void }) {
  const { t } = useTranslation('routing');
  const qc = useQueryClient();
  const teams = useTeams();
  const [teamId, setTeamId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const save = useMutation({
    mutationFn: () => post<CaseRouting>(`/cases/${c.id}/transfer`, { teamId, note }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['case'] });
      void qc.invalidateQueries({ queryKey: ['timeline', c.id] });
      void qc.invalidateQueries({ queryKey: ['cases'] });
      notifySaved(t('transfer.done', { team: teams.data?.find((x) => x.id === teamId)?.name ?? '' }));
      onClose();
    },
    onError: (e) => notifyFailed(e, t('transfer.failed')),
  });
  const fieldError = (f: string) => (save.error instanceof ApiError ? save.error.fieldError(f) : undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Modal opened onClose={onClose} title={t('transfer.title', { number: c.number })}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Select
            label={t('transfer.team')}
            required
            data={(teams.data ?? []).filter((x) => x.id !== c.team?.id).map((x) => ({ value: x.id, label: x.name }))}
            value={teamId}
            onChange={setTeamId}
            error={fieldError('teamId')}
            searchable
            comboboxProps={{ withinPortal: true }}
            data-testid="transfer-team"
          />
          <Textarea
            label={t('transfer.note')}
            description={t('transfer.noteHint')}
            required
            autosize
            minRows={3}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={fieldError('note')}
            data-testid="transfer-note"
          />
          <ModalActions onCancel={onClose} loading={save.isPending} submitLabel={t('transfer.submit')} submitTestId="transfer-save" />
        </Stack>
      </form>
    </Modal>
  );
}

function EscalateModal({ c, onClose }: { c: Case; onClose: () => void }) {
  const { t } = useTranslation('routing');
  const qc = useQueryClient();
  const [reason, setReason] = useState('');
  const save = useMutation({
    mutationFn: () => post<CaseRouting>(`/cases/${c.id}/escalate`, { reason }),
    onSuccess: (r) => {
      qc.setQueryData([...routingKey(c.id), c.version, c.team?.id], r);
      void qc.invalidateQueries({ queryKey: ['timeline', c.id] });
      const last = r.escalations[r.escalations.length - 1];
      notifySaved(t('escalate.done', { names: last?.notified.map((n) => n.name).join(', ') || t('timeline.nobody') }));
      onClose();
    },
    onError: (e) => notifyFailed(e, t('escalate.failed')),
  });
  const fieldError = (f: string) => (save.error instanceof ApiError ? save.error.fieldError(f) : undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Modal opened onClose={onClose} title={t('escalate.title', { number: c.number })}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Textarea label={t('escalate.reason')} description={t('escalate.reasonHint')} required autosize minRows={3} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={fieldError('reason')} data-testid="escalate-reason" data-autofocus />
          <ModalActions onCancel={onClose} loading={save.isPending} submitLabel={t('escalate.submit')} submitTestId="escalate-save" />
        </Stack>
      </form>
    </Modal>
  );
}

/** Transfer and escalate buttons for the properties panel, with the escalation state. */
export function RoutingActions({ c }: { c: Case }) {
  const { t } = useTranslation('routing');
  const [open, setOpen] = useState<'transfer' | 'escalate' | null>(null);
  const routing = useCaseRouting(c);
  const escalations = routing.data?.escalations ?? [];
  const disabled = !!c.mergedIntoId || c.status === 'closed';
  return (
    <Stack gap={6}>
      {escalations.length > 0 && (
        <Badge color="red" variant="light" leftSection={<IconAlertTriangle size={12} aria-hidden />} data-testid="escalated-badge">
          {t('escalate.badge', { count: escalations.length })}
        </Badge>
      )}
      <Group gap="xs" grow>
        <Button size="xs" variant="default" leftSection={<IconArrowsExchange size={14} aria-hidden />} disabled={disabled} onClick={() => setOpen('transfer')} data-testid="transfer-open">
          {t('transfer.open')}
        </Button>
        <Button size="xs" variant="default" color="red" leftSection={<IconAlertTriangle size={14} aria-hidden />} disabled={disabled} onClick={() => setOpen('escalate')} data-testid="escalate-open">
          {t('escalate.open')}
        </Button>
      </Group>
      {open === 'transfer' && <TransferModal c={c} onClose={() => setOpen(null)} />}
      {open === 'escalate' && <EscalateModal c={c} onClose={() => setOpen(null)} />}
    </Stack>
  );
}

/**
 * The transfer's context note at the top of the case, for everyone but its sender, until someone
 * on the receiving side acknowledges it.
 */
export function TransferBanner({ c, myId }: { c: Case; myId: string }) {
  const { t } = useTranslation('routing');
  const f = useFormat();
  const qc = useQueryClient();
  const routing = useCaseRouting(c);
  const ack = useMutation({
    mutationFn: () => post<CaseRouting>(`/cases/${c.id}/transfer/acknowledge`),
    onSuccess: (r) => qc.setQueryData([...routingKey(c.id), c.version, c.team?.id], r),
    onError: (e) => notifyFailed(e),
  });
  const tr = routing.data?.transfer;
  if (!tr || tr.acknowledgedAt || tr.by?.id === myId || tr.toTeam.id !== c.team?.id) return null;
  return (
    <Alert color="blue" m="md" mb={0} icon={<IconArrowsExchange size={18} />} title={t('banner.title', { name: tr.by?.name ?? t('banner.someone'), team: tr.fromTeam?.name ?? t('banner.noTeam') })} data-testid="transfer-banner" role="status">
      <Group justify="space-between" align="flex-end" wrap="nowrap">
        <Stack gap={2}>
          <Text size="sm" className="sb-body" data-testid="transfer-banner-note">
            {tr.note}
          </Text>
          <Text size="xs" c="dimmed">
            {f.relative(tr.createdAt)}
          </Text>
        </Stack>
        <Button size="xs" variant="default" onClick={() => ack.mutate()} loading={ack.isPending} data-testid="transfer-ack">
          {t('banner.ack')}
        </Button>
      </Group>
    </Alert>
  );
}
