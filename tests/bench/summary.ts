// The bench's figures from a run's meter: requests per ticket per endpoint, in flight, the binding ceiling, and the one-request-per-record baseline.
import type { SandboxCounts } from './sandboxes';
import type { HeapSample } from './heap-samples';
import type { HostMeter, RequestMeter } from './meter';

export interface BenchSettings {
	tickets: number;
	latencyMs: number;
	limits: 'realistic' | 'none';
	kayakoLimit: number;
	zendeskLimit: number;
	/** Attachment sizes multiplied by this (1: the generator's ~1 MB files; the large runs use less to keep the bytes small). */
	attachmentScale: number;
}

export interface SideFigures {
	requests: number;
	requestsPerTicket: number;
	tooMany: number;
	meanInFlight: number;
	peakInFlight: number;
	meanAnswerMs: number;
	limitPerMinute: number | null;
	/** Requests to the API (paths under /api/), the ones its rate limit counts: file downloads from a token link are not. */
	apiRequestsPerTicket: number;
	/** Tickets per hour this side's rate limit allows at the requests per ticket measured. */
	ceilingTicketsPerHour: number | null;
	endpoints: { endpoint: string; requests: number; perTicket: number; tooMany: number }[];
}

export interface BenchResult {
	settings: BenchSettings;
	at: string;
	state: string;
	seconds: number;
	tickets: number;
	records: number;
	ticketsPerHour: number;
	kayako: SideFigures;
	zendesk: SideFigures;
	binding: { side: 'kayako' | 'zendesk' | 'none'; ticketsPerHour: number | null; shareReached: number | null };
	/** heapSamples: live heap after GC and RSS at each tenth of the tickets (forced GCs: their CPU counts in the engine's). */
	engine: { cpuMsPerRecord: number; cpuMsPerTicket: number; liveHeapMb: number; peakRssMb: number; peakRssByPhase?: Record<string, number>; heapSamples?: HeapSample[] };
	/** The same account moved one request per record, in series (the way Zammad's importer works): modelled from what Kayako holds. */
	baseline: { requests: number; requestsPerTicket: number; ticketsPerHour: number; ratio: number };
}

export function sideFigures(meter: RequestMeter, host: HostMeter | undefined, tickets: number, limitPerMinute: number | null): SideFigures {
	const perTicket = (n: number) => n / Math.max(1, tickets);
	const requests = host?.requests ?? 0;
	const endpoints = [...(host?.endpoints ?? new Map<string, { requests: number; tooMany: number }>())]
		.map(([endpoint, count]) => ({ endpoint, requests: count.requests, perTicket: perTicket(count.requests), tooMany: count.tooMany }))
		.sort((a, b) => b.requests - a.requests);
	// Zendesk's attachment and photo links (/attachments/token/…, /system/photos/…) are no API calls: its limit leaves them out.
	const apiRequests = endpoints.filter((each) => each.endpoint.includes('/api/')).reduce((sum, each) => sum + each.requests, 0);
	return {
		requests,
		requestsPerTicket: perTicket(requests),
		apiRequestsPerTicket: perTicket(apiRequests),
		tooMany: host?.tooMany ?? 0,
		meanInFlight: host ? meter.meanInFlight(host) : 0,
		peakInFlight: host?.peakInFlight ?? 0,
		meanAnswerMs: host && host.requests > 0 ? host.answerMs / host.requests : 0,
		limitPerMinute,
		ceilingTicketsPerHour: limitPerMinute && apiRequests > 0 ? (limitPerMinute * 60) / perTicket(apiRequests) : null,
		endpoints
	};
}

export function bindingCeiling(kayako: SideFigures, zendesk: SideFigures, ticketsPerHour: number): BenchResult['binding'] {
	const sides = (['kayako', 'zendesk'] as const).filter((side) => (side === 'kayako' ? kayako : zendesk).ceilingTicketsPerHour !== null);
	if (sides.length === 0) return { side: 'none', ticketsPerHour: null, shareReached: null };
	const side = sides.reduce((a, b) => ((a === 'kayako' ? kayako : zendesk).ceilingTicketsPerHour! <= (b === 'kayako' ? kayako : zendesk).ceilingTicketsPerHour! ? a : b));
	const ceiling = (side === 'kayako' ? kayako : zendesk).ceilingTicketsPerHour!;
	return { side, ticketsPerHour: ceiling, shareReached: ticketsPerHour / ceiling };
}

/**
 * One request per record, each awaited before the next: a read and a write per ticket, per post, per user, per
 * organisation and per attachment. Each request takes this run's mean answer time; a rate limit caps it too.
 */
export function baseline(added: SandboxCounts, tickets: number, kayako: SideFigures, zendesk: SideFigures, ticketsPerHour: number): BenchResult['baseline'] {
	const records = added.cases + added.posts + added.users + added.organizations + added.attachments;
	const requests = 2 * records;
	const seconds = (records * (zendesk.meanAnswerMs + kayako.meanAnswerMs)) / 1000;
	let baselinePerHour = seconds > 0 ? (tickets / seconds) * 3600 : 0;
	for (const side of [kayako, zendesk]) {
		if (side.limitPerMinute) baselinePerHour = Math.min(baselinePerHour, (side.limitPerMinute * 60 * tickets) / Math.max(1, records));
	}
	return { requests, requestsPerTicket: requests / Math.max(1, tickets), ticketsPerHour: baselinePerHour, ratio: baselinePerHour > 0 ? ticketsPerHour / baselinePerHour : 0 };
}

const fixed = (n: number | null, digits = 2) => (n === null ? '–' : n.toFixed(digits));

/** The result as the lines `npm run bench` prints and docs/performance.md quotes. */
export function printable(result: BenchResult): string {
	const lines: string[] = [];
	const s = result.settings;
	lines.push(`Full run of ${s.tickets} generated tickets, latency ${s.latencyMs} ms, limits ${s.limits} (Kayako ${s.kayakoLimit}/min, Zendesk ${s.zendeskLimit}/min)${s.attachmentScale === 1 ? '' : `, attachment sizes × ${s.attachmentScale}`}: ${result.state} in ${result.seconds.toFixed(1)} s`);
	lines.push(`tickets migrated ${result.tickets}, records ${result.records}, tickets/hour ${result.ticketsPerHour.toFixed(0)}`);
	lines.push('');
	lines.push('| Side | req/ticket | API req/ticket | in flight mean / peak | mean answer ms | 429s | ceiling tickets/h |');
	lines.push('|---|---|---|---|---|---|---|');
	for (const [name, side] of [['Kayako', result.kayako], ['Zendesk', result.zendesk]] as const) {
		lines.push(`| ${name} | ${fixed(side.requestsPerTicket)} | ${fixed(side.apiRequestsPerTicket)} | ${fixed(side.meanInFlight)} / ${side.peakInFlight} | ${fixed(side.meanAnswerMs, 1)} | ${side.tooMany} | ${fixed(side.ceilingTicketsPerHour, 0)} |`);
	}
	lines.push('');
	const b = result.binding;
	lines.push(`binding ceiling: ${b.side}${b.ticketsPerHour === null ? ' (no limits)' : ` ${b.ticketsPerHour.toFixed(0)} tickets/h, reached ${(100 * (b.shareReached ?? 0)).toFixed(0)} %`}`);
	lines.push(`engine: CPU ${fixed(result.engine.cpuMsPerRecord)} ms per record (${fixed(result.engine.cpuMsPerTicket)} per ticket), live heap after GC ${fixed(result.engine.liveHeapMb, 1)} MB, peak RSS ${fixed(result.engine.peakRssMb, 0)} MB`);
	lines.push(`baseline one request per record (modelled): ${fixed(result.baseline.requestsPerTicket)} req/ticket, ${result.baseline.ticketsPerHour.toFixed(0)} tickets/h; engine ÷ baseline = ${fixed(result.baseline.ratio)}×`);
	lines.push('');
	lines.push('| Endpoint | requests | per ticket | 429s |');
	lines.push('|---|---|---|---|');
	for (const [name, side] of [['Kayako', result.kayako], ['Zendesk', result.zendesk]] as const) {
		for (const each of side.endpoints) lines.push(`| ${name} ${each.endpoint} | ${each.requests} | ${fixed(each.perTicket, 3)} | ${each.tooMany} |`);
	}
	return lines.join('\n');
}
