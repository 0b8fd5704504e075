import { useRef } from 'react';
import { useSearchParams } from 'react-router';
import { type AssigneeTab, type ListFilter, type Priority, PRIORITIES, STATUSES, type SupportStatus } from '../api';
import { cleanFilter } from '../queries';

const TABS: AssigneeTab[] = ['mine', 'unassigned', 'all'];

/** The list's tab and filters from the address (`?tab=unassigned&status=open&priority=high`), defaults left out. */
export function filterOf(params: URLSearchParams): ListFilter {
  const tab = params.get('tab') as AssigneeTab;
  const status = params.get('status');
  const priority = params.get('priority') as Priority;
  return cleanFilter({
    assignee: TABS.includes(tab) ? tab : 'mine',
    status: status === 'all' || STATUSES.includes(status as SupportStatus) ? (status as SupportStatus | 'all') : 'open',
    inbox_id: params.get('inbox') ?? undefined,
    team_id: params.get('team') ?? undefined,
    label: params.get('label') ?? undefined,
    priority: PRIORITIES.includes(priority) ? priority : undefined,
  });
}

const PARAM: Record<keyof ListFilter, string> = {
  assignee: 'tab',
  status: 'status',
  inbox_id: 'inbox',
  team_id: 'team',
  label: 'label',
  priority: 'priority',
};

export function useInboxFilter(): [ListFilter, (change: Partial<ListFilter>) => void] {
  const [params, setParams] = useSearchParams();
  // The newest parameters, also those of a change not rendered yet (two changes in a row keep both).
  const latest = useRef(params);
  latest.current = params;
  const filter = filterOf(params);
  const change = (next: Partial<ListFilter>) => {
    const copy = new URLSearchParams(latest.current);
    for (const [key, value] of Object.entries(next) as [keyof ListFilter, string | undefined][]) {
      if (value === undefined || value === null || value === '') copy.delete(PARAM[key]);
      else copy.set(PARAM[key], value);
    }
    latest.current = copy;
    setParams(copy, { replace: true });
  };
  return [filter, change];
}
