import { Button, Popconfirm, Space, type TableColumnType } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** What the Edit and Delete links of one row say to screen readers and in the confirmation, each naming the row. */
export interface RowActionLabels {
  edit: string;
  delete: string;
  deleteConfirm: string;
  /** What deleting does besides, under the confirmation's question. */
  deleteEffect?: string;
}

/**
 * A row's Edit and Delete links (after any of the page's own, `before`); Delete asks first. A failed
 * delete is reported by its mutation, so it is not rethrown here.
 */
export function RowActions({
  before,
  labels,
  onEdit,
  onDelete,
}: {
  before?: ReactNode;
  labels: RowActionLabels;
  onEdit: () => void;
  onDelete: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  return (
    <Space size={0}>
      {before}
      <Button type="link" size="small" onClick={onEdit} aria-label={labels.edit}>
        {t('actions.edit')}
      </Button>
      <Popconfirm
        title={labels.deleteConfirm}
        description={labels.deleteEffect}
        okText={t('actions.delete')}
        okButtonProps={{ danger: true }}
        cancelText={t('actions.cancel')}
        onConfirm={() => onDelete().catch(() => undefined)}
      >
        <Button type="link" danger size="small" aria-label={labels.delete}>
          {t('actions.delete')}
        </Button>
      </Popconfirm>
    </Space>
  );
}

/** A table's last column, `actions`: each row's {@link RowActions}. */
export function rowActionsColumn<T>({
  title,
  width,
  labels,
  onEdit,
  onDelete,
  before,
}: {
  title: string;
  width: number;
  labels: (row: T) => RowActionLabels;
  onEdit: (row: T) => void;
  onDelete: (row: T) => Promise<unknown>;
  before?: (row: T) => ReactNode;
}): TableColumnType<T> {
  return {
    title,
    key: 'actions',
    width,
    render: (_, row) => <RowActions before={before?.(row)} labels={labels(row)} onEdit={() => onEdit(row)} onDelete={() => onDelete(row)} />,
  };
}
