// The sanitizer against the issue-10 bodies and the OWASP filter-evasion vectors: nothing a browser would run comes out.
import { describe, expect, it } from 'vitest';
import { sanitizeBody } from '../../src/lib/engine/html/sanitize';
import issue10 from '../fixtures/xss/issue-10.json';
import owasp from '../fixtures/xss/owasp-filter-evasion.json';
import { executableParts } from './html-executable';

describe('the checker the sanitizer tests rely on', () => {
	it('finds each kind of executable vector in raw HTML', () => {
		expect(executableParts('<a href="jav&#x09;ascript:alert(1)">x</a>')).toHaveLength(1);
		expect(executableParts('<img src="x" onerror="alert(1)">')).toEqual(['an event handler onerror']);
		expect(executableParts('<!--x--!><img src=x>-->')).not.toEqual([]);
		expect(executableParts('<img src="data:image/svg+xml,x">')).not.toEqual([]);
		expect(executableParts('<span style="color: expression(alert(1))">x</span>')).not.toEqual([]);
		expect(executableParts('<svg></svg>')).toContain('a <svg> element');
	});

	it('flags every OWASP vector as it is written, but the one that is a plain link to a browser', () => {
		const harmless = ['unclosed attribute'];
		const unflagged = owasp.filter(({ html }) => executableParts(html).length === 0).map(({ name }) => name);
		expect(unflagged).toEqual(harmless);
	});

	it('finds nothing in plain formatted HTML', () => {
		expect(executableParts('<p>Hi &lt;script&gt; <a href="https://x.test/?a=1&amp;b=2">x</a><img src="cid:part1" /></p>')).toEqual([]);
	});
});

describe('sanitizing hostile HTML', () => {
	it.each(issue10)('leaves nothing executable of the issue-10 body: $name', ({ html }) => {
		expect(executableParts(html)).not.toEqual([]);
		expect(executableParts(sanitizeBody(html).html)).toEqual([]);
	});

	it.each(owasp)('leaves nothing executable of the OWASP vector: $name', ({ html }) => {
		expect(executableParts(sanitizeBody(html).html)).toEqual([]);
	});

	it('reports the removal of a javascript: link, a comment-hidden image and a CDATA-hidden image as a change', () => {
		for (const { html } of issue10) expect(sanitizeBody(html).changed).toBe(true);
	});

	it('never lets a javascript:, vbscript: or data: link through, however it is spelled', () => {
		for (const href of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'vbscript:msgbox(1)', 'data:text/html,<script>alert(1)</script>', 'java&#x0A;script:alert(1)', '&#106;avascript:alert(1)']) {
			const { html } = sanitizeBody(`<a href="${href}">x</a>`);
			expect(html).toBe('<a>x</a>');
		}
	});

	it('keeps raster data images but drops SVG and HTML data URLs from images', () => {
		expect(sanitizeBody('<img src="data:image/png;base64,iVBORw0KGgo=">').html).toContain('src="data:image/png;base64,iVBORw0KGgo="');
		expect(sanitizeBody('<img src="data:image/svg+xml;base64,PHN2Zz4=">').html).toBe('<img />');
		expect(sanitizeBody('<img src="data:text/html,hi">').html).toBe('<img />');
	});

	it('keeps colours and borders, not CSS expressions or url()', () => {
		expect(sanitizeBody('<span style="color:#ff0000;background-color:rgb(1, 2, 3)">x</span>').html).toBe('<span style="color:#ff0000;background-color:rgb(1, 2, 3)">x</span>');
		expect(sanitizeBody('<td style="border:1px solid #ccc">x</td>').html).toContain('border:1px solid #ccc');
		expect(sanitizeBody('<span style="color:expression(alert(1))">x</span>').html).toBe('<span>x</span>');
		expect(sanitizeBody('<span style="border:1px url(https://evil.test/t.png)">x</span>').html).toBe('<span>x</span>');
	});
});
