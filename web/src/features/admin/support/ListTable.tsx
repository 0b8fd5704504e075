import { Table, type TableProps } from 'antd';

/** A console page's table of all its rows (no pages), keyed by id, loading while the list does, with an empty text. */
export function ListTable<T extends { id: string }>({
  list,
  empty,
  ...table
}: { list: { data?: T[]; isLoading: boolean }; empty: string } & Pick<TableProps<T>, 'columns' | 'scroll'>) {
  return (
    <Table<T>
      rowKey="id"
      size="middle"
      loading={list.isLoading}
      dataSource={list.data ?? []}
      pagination={false}
      locale={{ emptyText: empty }}
      {...table}
    />
  );
}
