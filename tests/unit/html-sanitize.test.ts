import { describe, expect, it } from 'vitest';
import { sanitizeBody } from '../../src/lib/engine/html/sanitize';

describe('sanitizing HTML bodies', () => {
	it('removes scripts, event handlers, javascript: links and frames, and says so', () => {
		const dirty = '<p onclick="steal()">Hi<script>alert(document.cookie)</script></p><a href="javascript:alert(1)">x</a><img src="x" onerror="alert(1)"><iframe src="https://evil.test"></iframe>';
		const { html, changed } = sanitizeBody(dirty);
		expect(changed).toBe(true);
		expect(html).not.toMatch(/script|onclick|onerror|javascript:|iframe|alert/);
		expect(html).toContain('<p>Hi</p>');
	});

	it('keeps tables, links, images, emoji and non-Latin text untouched', () => {
		const body =
			'<p>Grüße 👋 こんにちは</p><table border="1"><tbody><tr><td colspan="2">a</td></tr></tbody></table><a href="https://help.example.com/a">link</a><img src="https://cdn.example.com/i.png" alt="shot" />';
		const { html, changed } = sanitizeBody(body);
		expect(changed).toBe(false);
		expect(html).toContain('👋 こんにちは');
		expect(html).toContain('<td colspan="2">a</td>');
		expect(html).toContain('href="https://help.example.com/a"');
		expect(html).toContain('src="https://cdn.example.com/i.png"');
	});

	it('keeps inline images by cid and data URL, which migrations rewrite later', () => {
		const { html } = sanitizeBody('<img src="cid:part1"><img src="data:image/png;base64,iVBORw0KGgo=">');
		expect(html).toContain('src="cid:part1"');
		expect(html).toContain('src="data:image/png;base64,iVBORw0KGgo="');
	});
});
