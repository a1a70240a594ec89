import { useEffect, useRef, useState } from 'react';
import { Alert, Box, Button, Center, Divider, Drawer, Group, Loader, Modal, ScrollArea, Stack, Text } from '@mantine/core';
import { useHotkeys, useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconEye } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { get, patch, post } from '../api/client.ts';
import type { Case, TimelineEntry } from '../api/types.ts';
import { useSession } from '../auth/session.tsx';
import { CustomerPanel } from '../customer/customer-panel.tsx';
import { listSource, neighbour } from '../inbox/list-order.ts';
import { patchCase } from '../realtime/live-updates.ts';
import { TransferBanner } from '../routing/case-routing.tsx';
import { ErrorState, errorMessage } from '../ui/error-state.tsx';
import { CaseHeader } from './case-header.tsx';
import { Composer, type ComposerHandle, type SendRequest } from './composer.tsx';
import { LinkedCases, MergeDialog } from './merge-link.tsx';
import { usePresence } from './presence.ts';
import { PropertiesPanel } from './properties-panel.tsx';
import { CaseSideColumn } from './side-panels.tsx';
import { Timeline } from './timeline.tsx';
import { useUnseenChanges } from './unseen.ts';
import { useUpdateCase } from './use-case-actions.ts';

/** The case screen: timeline and composer, properties and the customer beside them. */
export function CasePage() {
  const { t } = useTranslation('case');
  const { number = '' } = useParams();
  const { user } = useSession();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const wide = useMediaQuery('(min-width: 1100px)', true);
  const [detailsOpen, setDetailsOpen] = useState(false);
  const [mergeOpen, setMergeOpen] = useState(false);
  const composer = useRef<ComposerHandle>(null);
  const statusInput = useRef<HTMLInputElement>(null);
  const viewport = useRef<HTMLDivElement>(null);

  const caseQuery = useQuery({ queryKey: ['case', number], queryFn: () => get<Case>(`/cases/${number}`) });
  const c = caseQuery.data;
  const timeline = useQuery({
    queryKey: ['timeline', c?.id],
    queryFn: () => get<{ items: TimelineEntry[] }>(`/cases/${c!.id}/timeline`, { limit: 500 }).then((r) => r.items),
    enabled: !!c,
  });
  const entries = timeline.data ?? [];
  const { others, setTyping } = usePresence(c?.id);
  const { unseen, acknowledge } = useUnseenChanges(c?.id, user.id);
  const update = useUpdateCase(c);

  // Entries newer than this were not there when the agent last acknowledged the case.
  const [seen, setSeen] = useState<{ caseId: string; entryId: number } | null>(null);
  const lastId = entries.length ? entries[entries.length - 1]!.id : 0;
  if (c && timeline.data && seen?.caseId !== c.id) setSeen({ caseId: c.id, entryId: lastId });
  const ack = () => {
    acknowledge();
    if (c) setSeen({ caseId: c.id, entryId: lastId });
  };

  useEffect(() => {
    const el = viewport.current;
    if (el) el.scrollTo({ top: el.scrollHeight });
  }, [lastId, c?.id]);

  // A send waiting for "send anyway" while there are changes the agent has not seen.
  const [held, setHeld] = useState<{ req: SendRequest; resolve: (ok: boolean) => void } | null>(null);
  const sendNow = async (req: SendRequest): Promise<boolean> => {
    const body = req.mode === 'note' ? { kind: 'note', body: req.body, attachmentIds: req.attachmentIds } : { kind: 'message', direction: 'outbound', body: req.body, attachmentIds: req.attachmentIds, ...(req.cc ? { cc: req.cc } : {}) };
    await post(`/cases/${c!.id}/entries`, body);
    if (req.thenStatus) {
      const fresh = await get<Case>(`/cases/${c!.id}`);
      patchCase(qc, await patch<Case>(`/cases/${c!.id}`, { status: req.thenStatus }, { version: fresh.version }));
    }
    await Promise.all([qc.invalidateQueries({ queryKey: ['timeline', c!.id] }), qc.invalidateQueries({ queryKey: ['case', number] }), qc.invalidateQueries({ queryKey: ['participants', c!.id] })]);
    ack();
    return true;
  };
  const onSend = (req: SendRequest): Promise<boolean> => {
    if (unseen.length === 0) return sendNow(req);
    return new Promise((resolve) => setHeld({ req, resolve }));
  };

  const step = (s: 1 | -1) => {
    const n = c && neighbour(c.number, s);
    if (n) navigate(`/cases/${n}`);
  };
  useHotkeys([
    ['r', () => composer.current?.focus('reply')],
    ['n', () => composer.current?.focus('note')],
    ['a', () => c && c.assignee?.id !== user.id && update.mutate({ assigneeId: user.id })],
    ['s', () => statusInput.current?.click()],
    ['alt+ArrowDown', () => step(1)],
    ['alt+ArrowUp', () => step(-1)],
    ['Escape', () => navigate(listSource())],
  ]);

  if (caseQuery.isPending) {
    return (
      <Center p="xl">
        <Loader aria-label={t('common:loading')} />
      </Center>
    );
  }
  if (caseQuery.isError || !c) return <ErrorState error={caseQuery.error} onRetry={() => void caseQuery.refetch()} />;

  const side = (
    <Stack gap="lg" p="md">
      <CaseSideColumn c={c}>
        {[
          <PropertiesPanel key="properties" c={c} ref={statusInput} />,
          <Divider key="properties-end" />,
          <CustomerPanel key="customer" customerId={c.requester.id} currentCaseId={c.id} />,
          <Divider key="customer-end" />,
          <LinkedCases key="linked" c={c} />,
        ]}
      </CaseSideColumn>
    </Stack>
  );

  return (
    <Box style={{ flex: 1, minHeight: 0, display: 'flex' }}>
      <Box style={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column' }} component="section" aria-label={t('conversation')}>
        <CaseHeader c={c} others={others} onBack={() => navigate(listSource())} onStep={step} onMerge={() => setMergeOpen(true)} onDetails={wide ? undefined : () => setDetailsOpen(true)} />
        {c.mergedIntoId && (
          <Alert color="gray" m="md" mb={0} data-testid="merged-banner">
            {t('merged.text')}{' '}
            <Link to={`/cases/${c.mergedIntoId}`}>{t('merged.open')}</Link>
          </Alert>
        )}
        <TransferBanner c={c} myId={user.id} />
        {unseen.length > 0 && (
          <Alert color="orange" m="md" mb={0} icon={<IconEye size={18} />} title={t('unseen.title', { count: unseen.length })} data-testid="unseen-banner" role="status">
            <Group justify="space-between" align="flex-end" wrap="nowrap">
              <Stack gap={2}>
                {unseen.slice(-3).map((u) => (
                  <Text size="sm" key={u.eventId}>
                    {u.text}
                  </Text>
                ))}
              </Stack>
              <Button size="xs" variant="default" onClick={ack} data-testid="unseen-ack">
                {t('unseen.ack')}
              </Button>
            </Group>
          </Alert>
        )}
        <ScrollArea style={{ flex: 1 }} viewportRef={viewport} viewportProps={{ tabIndex: 0 }} px="md" py="sm">
          {timeline.isPending ? <Loader size="sm" aria-label={t('common:loading')} /> : <Timeline entries={entries} unseenAfter={seen?.entryId ?? null} myId={user.id} />}
        </ScrollArea>
        <Box px="md" pb="md">
          <Composer ref={composer} caseId={c.id} emailTo={c.channel === 'email' ? c.requester.email : null} onSend={onSend} onTyping={setTyping} disabled={c.mergedIntoId ? t('composer.merged') : c.status === 'closed' ? t('composer.closed') : null} />
        </Box>
      </Box>
      {wide ? (
        <ScrollArea w={360} style={{ borderLeft: '1px solid var(--mantine-color-default-border)', flexShrink: 0 }} component="aside" aria-label={t('details')}>
          {side}
        </ScrollArea>
      ) : (
        <Drawer opened={detailsOpen} onClose={() => setDetailsOpen(false)} position="right" size={380} title={t('details')}>
          {side}
        </Drawer>
      )}
      <MergeDialog c={c} opened={mergeOpen} onClose={() => setMergeOpen(false)} />
      <Modal opened={!!held} onClose={() => held && (held.resolve(false), setHeld(null))} title={t('unseen.confirmTitle')} data-testid="unseen-confirm">
        <Stack>
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <IconAlertTriangle size={20} aria-hidden />
            <Text size="sm">{t('unseen.confirmText')}</Text>
          </Group>
          <Stack gap={2}>
            {unseen.map((u) => (
              <Text size="sm" key={u.eventId}>
                • {u.text}
              </Text>
            ))}
          </Stack>
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={() => {
                held?.resolve(false);
                setHeld(null);
                ack();
              }}
              data-testid="review-first"
            >
              {t('unseen.review')}
            </Button>
            <Button
              color="orange"
              onClick={() => {
                const h = held!;
                setHeld(null);
                sendNow(h.req).then(h.resolve, (err: unknown) => {
                  h.resolve(false);
                  notifications.show({ color: 'red', title: t('composer.sendFailed'), message: errorMessage(err) });
                });
              }}
              data-testid="send-anyway"
            >
              {t('unseen.sendAnyway')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Box>
  );
}
