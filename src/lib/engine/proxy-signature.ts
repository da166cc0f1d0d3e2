// The first words of the CORS proxy's own root page: how "Test proxy" tells our proxy from any other web server.

/** The proxy answers its root with a usage text that starts with this sentence; nothing else a user may type answers so. */
export const PROXY_SIGNATURE = 'This is the CORS proxy of the Kayako migration tool.';
