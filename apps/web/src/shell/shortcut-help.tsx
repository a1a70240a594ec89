import { Group, Kbd, Modal, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Every keyboard shortcut of the app, grouped by where it works. */
export const shortcuts = {
  everywhere: [
    ['Ctrl K', 'search'],
    ['/', 'search'],
    ['c', 'newCase'],
    ['?', 'help'],
  ],
  inbox: [
    ['j', 'nextRow'],
    ['k', 'previousRow'],
    ['Enter', 'openRow'],
    ['x', 'selectRow'],
    ['Shift A', 'selectAll'],
  ],
  case: [
    ['r', 'reply'],
    ['n', 'note'],
    ['a', 'assignToMe'],
    ['s', 'status'],
    ['Ctrl Enter', 'send'],
    ['Alt ↓', 'nextCase'],
    ['Alt ↑', 'previousCase'],
    ['Esc', 'backToInbox'],
  ],
} as const;

export function ShortcutHelp({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('shortcuts.title')} size="lg">
      <Stack>
        {(Object.keys(shortcuts) as (keyof typeof shortcuts)[]).map((group) => (
          <div key={group}>
            <Text fw={600} mb={4}>
              {t(`shortcuts.groups.${group}`)}
            </Text>
            <Table striped withRowBorders={false}>
              <Table.Tbody>
                {shortcuts[group].map(([keys, action]) => (
                  <Table.Tr key={`${keys}-${action}`}>
                    <Table.Td w={140}>
                      <Group gap={4}>
                        {keys.split(' ').map((k) => (
                          <Kbd key={k}>{k}</Kbd>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>{t(`shortcuts.actions.${action}`)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        ))}
      </Stack>
    </Modal>
  );
}
