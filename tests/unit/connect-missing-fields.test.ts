// The connect forms' own check before anything is sent: which fields are empty, in form order.
import { describe, expect, it } from 'vitest';
import { missingFields } from '../../src/lib/ui/connect/missing';

const empty = { url: '', email: '', secret: '' };

describe('missingFields', () => {
	it('names every empty field of an empty form, in form order', () => {
		expect(missingFields(empty, { email: true, heldSecret: false })).toEqual(['url', 'email', 'secret']);
	});

	it('counts blanks as empty, and the e-mail only when the login method uses one', () => {
		expect(missingFields({ url: '   ', email: 'a@b.example', secret: 't' }, { email: true, heldSecret: false })).toEqual(['url']);
		expect(missingFields({ ...empty, url: 'acme.zendesk.com', secret: 'token' }, { email: false, heldSecret: false })).toEqual([]);
	});

	it('lets the password stay empty when the engine already holds one', () => {
		expect(missingFields({ url: 'acme.kayako.com', email: 'a@b.example', secret: '' }, { email: true, heldSecret: true })).toEqual([]);
	});
});
