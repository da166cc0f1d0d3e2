// A comment sent to Kayako is parsed once: the "changed" check's two extra parses run only when something reads it.
import sanitizeHtml from 'sanitize-html';
import { describe, expect, it, vi } from 'vitest';

// The real sanitizer, counted: every parse goes through this spy.
vi.mock('sanitize-html', async (importOriginal) => {
	const real = (await importOriginal<{ default: typeof sanitizeHtml }>()).default;
	const counted = vi.fn((html: string, options?: sanitizeHtml.IOptions) => real(html, options));
	return { default: Object.assign(counted, { defaults: real.defaults }) };
});

const { sanitizeBody } = await import('../../src/lib/engine/html/sanitize');
const parses = sanitizeHtml as unknown as ReturnType<typeof vi.fn>;

describe('sanitizeBody', () => {
	it('parses the body once when only its HTML is used', () => {
		parses.mockClear();
		const result = sanitizeBody('<p onclick="steal()">Hello <b>there</b></p><script>x()</script>');
		expect(result.html).toBe('<p>Hello <b>there</b></p>');
		expect(parses).toHaveBeenCalledTimes(1);
	});

	it('still says whether something was taken out, working it out once when asked', () => {
		parses.mockClear();
		const hostile = sanitizeBody('<p>a<img src=x onerror=alert(1)></p>');
		expect(hostile.changed).toBe(true);
		expect(hostile.changed).toBe(true);
		expect(parses).toHaveBeenCalledTimes(3);
		expect(sanitizeBody('<p>plain <em>text</em></p>').changed).toBe(false);
		expect(sanitizeBody('<p>a</p><!-- note -->').changed).toBe(true);
	});
});
