// What `GET /__sandbox/` on the Zendesk sandbox answers: every control endpoint with the body it takes, as the README promises.
export const ZENDESK_CONTROL_ENDPOINTS: readonly string[] = [
	'GET /__sandbox/  (this list)',
	'GET /__sandbox/state  (seed, clock, counts, mutations, requests by route, faults, quirks)',
	'POST /__sandbox/reset  (back to the seeded data; answers the state)',
	'GET|PUT|POST|DELETE /__sandbox/faults  (PUT body: {"rules":[{"kind":"server-error","times":1,"path":"/api/v2/tickets*"}]}; POST adds one rule; GET also counts the faults fired by kind)',
	'PUT /__sandbox/quirks  (body: {"stuckCursors":2}: the next 2 cursor-export pages hand their own cursor back)',
	'PUT /__sandbox/export-quirks  (body: {"repeatPages":1,"stuckCursor":false})',
	'POST /__sandbox/clock  (body: {"advanceMs":60000})',
	'PUT /__sandbox/rate-limit  (body: {"perMinute":700})',
	'POST /__sandbox/tickets  (body: {"subject":"...","comment":"...","requesterId":123}: a new ticket for a delta run)',
	'POST /__sandbox/tickets/:id/comments  (body: {"body":"...","public":true})',
	'PATCH /__sandbox/tickets/:id  (body: {"status":"solved","tags":["..."]})',
	'DELETE /__sandbox/tickets/:id  (the ticket is deleted, as an agent deletes one)',
	'PATCH /__sandbox/users/:id  (body: fields laid over the generated user, e.g. {"suspended":true})'
];
