import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { IconArrowBackUp, IconBinaryTree, IconFlag, IconPlayerStop, IconPoint } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ActivityProps } from '../case/activities.tsx';
import { useFormat } from '../i18n/format.ts';
import { OutcomeEffects } from './outcome-effects.tsx';
import type { FlowActivityData } from './types.ts';

const icons = { 'flows.started': IconBinaryTree, 'flows.step': IconPoint, 'flows.back': IconArrowBackUp, 'flows.outcome': IconFlag, 'flows.abandoned': IconPlayerStop } as const;

/** A wished time as written: an ISO time with zone from agents, the customer's local time from the help center. */
function WishedAt({ value }: { value: string }) {
  const f = useFormat();
  const parsed = new Date(value);
  return <>{Number.isNaN(parsed.getTime()) ? value : f.dateTime(parsed)}</>;
}

function OutcomeDetails({ data }: { data: FlowActivityData }) {
  const { t } = useTranslation('flows');
  return (
    <>
      <OutcomeEffects status={data.status} team={data.team} tags={data.tagsAdded ?? []} added>
        <Badge size="xs" variant="filled" color={data.kind === 'resolved' ? 'green' : data.kind === 'escalate' ? 'orange' : 'blue'} tt="none">
          {data.kindLabel ?? t(`kind.${data.kind ?? 'resolved'}`)}
        </Badge>
      </OutcomeEffects>
      {data.article && (
        <Text size="sm">
          {t('runner.article')}{' '}
          {data.article.url ? (
            <Anchor href={data.article.url} target="_blank" rel="noreferrer">
              {data.article.title ?? data.article.slug}
            </Anchor>
          ) : (
            (data.article.title ?? data.article.slug)
          )}
        </Text>
      )}
      {data.appointment && (
        <Text size="sm" data-testid="flow-appointment">
          {t('activity.appointment')} <WishedAt value={data.appointment.wishedAt} />
          {data.appointment.note ? ` — ${data.appointment.note}` : ''}
        </Text>
      )}
      {data.contact && (
        <Text size="sm">
          {t('activity.contact', { name: data.contact.name, email: data.contact.email })}
        </Text>
      )}
      {data.teamKeptBecause && (
        <Text size="xs" c="dimmed">
          {t('activity.teamKept')}
        </Text>
      )}
      {data.note && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {data.note}
        </Text>
      )}
    </>
  );
}

/**
 * The timeline's lines for a troubleshooting run (flows.started / step / back / outcome /
 * abandoned): the documentation the flow wrote while it ran, in the words that were shown.
 */
export function FlowActivity({ entry, activity, when }: ActivityProps) {
  const { t } = useTranslation('flows');
  const data = activity.data as unknown as FlowActivityData;
  const Icon = icons[activity.type as keyof typeof icons] ?? IconPoint;
  const self = data.channel === 'self_service';
  const who = self ? t('activity.customer') : entry.author.name;
  let body;
  switch (activity.type) {
    case 'flows.started':
      body = (
        <Text size="sm" c="dimmed">
          {t(self ? 'activity.startedSelf' : 'activity.started', { name: who, title: data.title, version: data.version })}{' '}
          <Badge component="span" size="xs" variant="outline" color="gray" tt="none">
            {t(`common:languageName.${data.language}`)}
          </Badge>
        </Text>
      );
      break;
    case 'flows.step':
      body = (
        <Stack gap={0}>
          <Text size="sm">
            <Text span c="dimmed" inherit>
              {data.text}
            </Text>{' '}
            <Text span fw={600} inherit data-testid="flow-answer">
              → {data.answerLabel}
            </Text>
          </Text>
          {data.expected && (
            <Text size="xs" c="dimmed">
              {t('runner.expected')} {data.expected}
            </Text>
          )}
        </Stack>
      );
      break;
    case 'flows.back':
      body = (
        <Text size="sm" c="dimmed">
          {t('activity.back', { name: who, text: data.text, answer: data.undoneAnswerLabel })}
        </Text>
      );
      break;
    case 'flows.outcome':
      body = (
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {data.text}
          </Text>
          <OutcomeDetails data={data} />
        </Stack>
      );
      break;
    default:
      body = (
        <Text size="sm" c="dimmed">
          {t('activity.abandoned', { name: who, title: data.title, text: data.text })}
        </Text>
      );
  }
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start" px="xs" data-testid="timeline-flow" data-activity={activity.type} data-step={data.stepId}>
      <Icon size={16} aria-hidden style={{ marginTop: 2, flexShrink: 0 }} />
      <div style={{ flex: 1, minWidth: 0 }}>{body}</div>
      {when}
    </Group>
  );
}
