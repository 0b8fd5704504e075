import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { ReactNode } from 'react';
import { isUnavailable, PageTitle, Unavailable } from '../shared';
import { SupportErrorAlert } from './problems';

/** The query a console page lists: its failure, and how to ask again. */
export interface ListedQuery {
  error: Error | null;
  refetch: () => Promise<unknown>;
}

/**
 * A customer-service list page: the title with its primary create button and its intro, then `toolbar`
 * (a search, say), the list's failure with a retry, and the page's content. When the server does not
 * offer the list's API, only the title and the "unavailable" notice.
 */
export function ConsolePage({
  title,
  intro,
  createLabel,
  onCreate,
  query,
  toolbar,
  children,
}: {
  title: string;
  intro: ReactNode;
  createLabel: string;
  onCreate: () => void;
  query: ListedQuery;
  toolbar?: ReactNode;
  children: ReactNode;
}) {
  if (query.error && isUnavailable(query.error))
    return (
      <>
        <PageTitle title={title} />
        <Unavailable />
      </>
    );
  return (
    <>
      <PageTitle
        title={title}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={onCreate}>
            {createLabel}
          </Button>
        }
      >
        {intro}
      </PageTitle>
      {toolbar}
      {query.error && <SupportErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {children}
    </>
  );
}
