// The engine's HTTP layer: one client per run, a limiter per helpdesk host, explicit retries, proxy addressing.
export { HttpClient } from './client';
export { systemClock, type Clock } from './clock';
export type { EndpointClass } from './endpoint-class';
export type { HostStats, ThrottleEvent, ThrottleReason } from './host-stats';
export { HostLimiter, type AttemptOutcome, type HostLimiterOptions, type Permit } from './limiter';
export { proxiedUrl, targetHost } from './proxy';
export { parseRetryAfter, readRateLimit, type RateLimitReading } from './rate-limit-headers';
export { safeUrl } from './request-url';
export type { DescribedError, HttpClientOptions, HttpMethod, HttpRequest, HttpResponse } from './types';
