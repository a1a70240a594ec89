import { Group, Text } from '@mantine/core';

export function Logo({ compact = false }: { compact?: boolean }) {
  return (
    <Group gap={8} wrap="nowrap">
      <svg width="26" height="26" viewBox="0 0 32 32" aria-hidden="true">
        <rect width="32" height="32" rx="7" fill="#1c5fd4" />
        <path d="M9 11h14M9 16h10M9 21h6" stroke="#fff" strokeWidth="3" strokeLinecap="round" />
      </svg>
      {!compact && (
        <Text fw={700} size="lg">
          Switchboard
        </Text>
      )}
    </Group>
  );
}
