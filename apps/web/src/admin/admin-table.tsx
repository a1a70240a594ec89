import type { ReactNode } from 'react';
import { Skeleton, Table, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface Props {
  /** Column headings, in order. */
  columns: string[];
  /** Adds a last, unlabelled column for row actions (edit, …). */
  withActions: boolean;
  /** Shows placeholder rows while the list loads. */
  pending: boolean;
  minWidth: number;
  skeletonRows?: number;
  children: ReactNode;
}

/** The table every admin list uses: headings, an actions column, loading rows spanning all columns. */
export function AdminTable({ columns, withActions, pending, minWidth, skeletonRows = 3, children }: Props) {
  const { t } = useTranslation('admin');
  const span = columns.length + (withActions ? 1 : 0);
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table striped highlightOnHover verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c}>{c}</Table.Th>
            ))}
            {withActions && (
              <Table.Th>
                <VisuallyHidden>{t('actionsColumn')}</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {pending &&
            Array.from({ length: skeletonRows }, (_, i) => (
              <Table.Tr key={i}>
                <Table.Td colSpan={span}>
                  <Skeleton h={24} />
                </Table.Td>
              </Table.Tr>
            ))}
          {children}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
