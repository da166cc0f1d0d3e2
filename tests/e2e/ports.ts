// The ports the end-to-end run uses, away from the ones `npm start` uses so both can run at once.
export const E2E_PORTS = { app: 4273, proxy: 4280, kayako: 4281, zendesk: 4282 } as const;
