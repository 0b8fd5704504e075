/** An RFC 9457 problem answered by Parley, or a network failure (status 0). */
export interface FieldError {
  field: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  /** The last segment of the problem's `type` URI (`email-taken`), or `network` / `http-<status>`. */
  readonly slug: string;
  readonly title: string;
  readonly detail?: string;
  readonly errors: FieldError[];
  /** Seconds from `Retry-After`, when the answer had one. */
  readonly retryAfter?: number;
  readonly requestId?: string;

  constructor(init: {
    status: number;
    slug: string;
    title: string;
    detail?: string;
    errors?: FieldError[];
    retryAfter?: number;
    requestId?: string;
  }) {
    super(init.detail ?? init.title);
    this.name = 'ApiError';
    this.status = init.status;
    this.slug = init.slug;
    this.title = init.title;
    this.detail = init.detail;
    this.errors = init.errors ?? [];
    this.retryAfter = init.retryAfter;
    this.requestId = init.requestId;
  }
}

export function slugOf(type: unknown): string | undefined {
  if (typeof type !== 'string' || type.length === 0) return undefined;
  const at = type.lastIndexOf('/');
  return at >= 0 ? type.slice(at + 1) : type;
}

function retryAfterOf(response: Response): number | undefined {
  const header = response.headers.get('Retry-After');
  if (!header) return undefined;
  const seconds = Number(header);
  return Number.isFinite(seconds) ? seconds : undefined;
}

/** Reads a failed response into an ApiError, whatever its body. */
export async function problemOf(response: Response): Promise<ApiError> {
  let body: Record<string, unknown> = {};
  try {
    const text = await response.text();
    body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    body = {};
  }
  return new ApiError({
    status: response.status,
    slug: slugOf(body.type) ?? `http-${response.status}`,
    title: typeof body.title === 'string' ? body.title : response.statusText || `HTTP ${response.status}`,
    detail: typeof body.detail === 'string' ? body.detail : undefined,
    errors: Array.isArray(body.errors) ? (body.errors as FieldError[]) : [],
    retryAfter: retryAfterOf(response),
    requestId: response.headers.get('x-request-id') ?? undefined,
  });
}

export function networkError(cause: unknown): ApiError {
  return new ApiError({
    status: 0,
    slug: 'network',
    title: 'Network error',
    detail: cause instanceof Error ? cause.message : String(cause),
  });
}
