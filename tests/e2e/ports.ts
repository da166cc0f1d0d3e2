// The ports the end-to-end run uses, away from the ones `npm start` uses so both can run at once.
// E2E_PORT_BASE moves all four (base, base + 1, ...), so a second checkout can run its end-to-end tests at the same time.
const base = Number(process.env.E2E_PORT_BASE) || undefined;

export const E2E_PORTS = base ? { app: base, proxy: base + 1, kayako: base + 2, zendesk: base + 3 } : ({ app: 4273, proxy: 4280, kayako: 4281, zendesk: 4282 } as const);
