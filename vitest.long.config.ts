// The long suites (`npm run test:long`): bigger sandboxes, more seeds, more kills; kept out of `npm test`, one file at a time.
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		name: 'long',
		include: ['tests/long/**/*.test.ts'],
		environment: 'node',
		fileParallelism: false,
		testTimeout: 3_600_000,
		hookTimeout: 3_600_000
	}
});
