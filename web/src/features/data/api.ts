import { api, authorizedFetch } from '../../api/client';
import { problemOf } from '../../api/problem';
import type { Page } from '../../api/types';

/** The export formats of docs/API.md "Export". */
export const EXPORT_FORMATS = ['json', 'ndjson', 'csv', 'markdown'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What an export takes: every field optional except the format. */
export interface ExportFilter {
  format: ExportFormat;
  from?: string;
  to?: string;
  agent_id?: string;
  tag?: string;
  archived?: boolean;
  since?: string;
  gzip?: boolean;
}

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface ExportJob {
  id: string;
  status: JobStatus;
  params: { format: ExportFormat; from: string | null; to: string | null; gzip: boolean };
  progress: { done: number; total: number | null };
  file_name: string | null;
  file_size: number | null;
  download_url: string | null;
  expires_at: string | null;
  messages: number | null;
  error: { code: string; detail: string | null } | null;
  created_at: string;
  finished_at: string | null;
}

export const IMPORT_SOURCES = ['auto', 'parley', 'chatgpt', 'openwebui'] as const;
export type ImportSource = (typeof IMPORT_SOURCES)[number];

export interface ImportReport {
  source: string;
  imported: { source_id: string; conversation_id: string; title: string | null; messages: number }[];
  skipped: { source_id: string | null; title: string | null; reason: string }[];
}

export interface Tag {
  id: string;
  name: string;
  color: string | null;
  conversations?: number;
}

export interface SearchHit {
  conversation_id: string;
  conversation_title: string | null;
  message_id: string | null;
  role: string | null;
  snippet: string;
  highlights: { start: number; end: number }[];
  created_at: string;
}

export interface SearchFilter {
  q: string;
  tag?: string;
  agent_id?: string;
  from?: string;
  to?: string;
  archived?: boolean;
}

export const dataKeys = {
  exportJobs: ['export-jobs'] as const,
  tags: ['tags'] as const,
  search: (filter: SearchFilter) => ['search', filter] as const,
};

function query(filter: object): Record<string, string | number | boolean | undefined> {
  return Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined && value !== '')) as Record<
    string,
    string | number | boolean | undefined
  >;
}

export const listExportJobs = (signal?: AbortSignal) => api<Page<ExportJob>>('/api/v1/exports/jobs', { signal }).then((page) => page.items);
export const startExportJob = (filter: ExportFilter) => api<ExportJob>('/api/v1/exports/jobs', { method: 'POST', body: { ...filter, scope: 'mine' } });
export const cancelExportJob = (id: string) => api<void>(`/api/v1/exports/jobs/${encodeURIComponent(id)}`, { method: 'DELETE' });

/** The file name a response names in Content-Disposition, or the fallback. */
export function fileNameOf(response: Response, fallback: string): string {
  const header = response.headers.get('Content-Disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain ? plain[1] : fallback;
}

/** Downloads an export the browser cannot fetch by itself (the bearer token): fetched, then saved. */
export async function downloadExport(path: string, filter: Record<string, unknown>, fallback: string): Promise<void> {
  const params = new URLSearchParams(query(filter) as Record<string, string>);
  const response = await authorizedFetch(`${path}?${params.toString()}`);
  if (!response.ok) throw await problemOf(response);
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(response, fallback);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Uploads a file to import, streamed by the browser as the request body. */
export async function importFile(file: File, source: ImportSource): Promise<ImportReport> {
  const type = file.name.toLowerCase().endsWith('.zip') ? 'application/zip' : 'application/json';
  const response = await authorizedFetch(`/api/v1/imports?source=${source}`, {
    method: 'POST',
    headers: { 'Content-Type': type, Accept: 'application/json' },
    body: file,
  });
  if (!response.ok) throw await problemOf(response);
  return (await response.json()) as ImportReport;
}

export const listTags = (signal?: AbortSignal) => api<Tag[] | Page<Tag>>('/api/v1/tags', { signal }).then((body) => (Array.isArray(body) ? body : body.items));
export const renameTag = (id: string, name: string) => api<Tag>(`/api/v1/tags/${encodeURIComponent(id)}`, { method: 'PATCH', body: { name } });
export const deleteTag = (id: string) => api<void>(`/api/v1/tags/${encodeURIComponent(id)}`, { method: 'DELETE' });
export const setConversationTags = (conversationId: string, tags: string[]) =>
  api<unknown>(`/api/v1/conversations/${encodeURIComponent(conversationId)}/tags`, { method: 'PUT', body: { tags } });

export const search = (filter: SearchFilter, cursor: string | null, signal?: AbortSignal) =>
  api<Page<SearchHit>>('/api/v1/search', { query: { ...query(filter), limit: 20, cursor: cursor ?? undefined }, signal });
