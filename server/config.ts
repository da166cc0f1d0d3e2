// Where `npm start` listens by default: the app, the CORS proxy and the sandbox helpdesks, all on loopback.
export const DEFAULT_HOST = '127.0.0.1';

export const DEFAULT_PORTS = {
	app: 5173,
	proxy: 8090,
	kayako: 8101,
	zendesk: 8102
} as const;
