// The proxy address as the user typed it, made into one the engine takes: "127.0.0.1:8091" means http://127.0.0.1:8091.

/**
 * Adds `http://` to an address typed without a scheme (the proxy runs on the user's own machine or intranet, where
 * plain http is what `npm start` serves). Anything that already names a scheme, and an empty field, stay as typed:
 * the proxy check then says plainly what is wrong with them.
 */
export function normaliseProxyUrl(typed: string): string {
	const text = typed.trim();
	if (!text) return '';
	if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return text;
	// "//host:port" (scheme-relative) and "host:port" both lack only the scheme.
	return `http://${text.replace(/^\/+/, '')}`;
}

