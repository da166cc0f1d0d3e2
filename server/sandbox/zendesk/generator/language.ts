// Text in the languages a helpdesk really holds (English, German, French, Japanese, emoji), from seeded faker and phrase banks.
import { Faker, base, de, en, fr, ja } from '@faker-js/faker';
import { pick, unit } from './hash';

export type Language = 'en' | 'de' | 'fr' | 'ja' | 'emoji';

const FAKERS: Record<Language, Faker> = {
	en: new Faker({ locale: [en, base] }),
	de: new Faker({ locale: [de, en, base] }),
	fr: new Faker({ locale: [fr, en, base] }),
	ja: new Faker({ locale: [ja, en, base] }),
	emoji: new Faker({ locale: [en, base] })
};

/** A faker reseeded for one record: the same (language, seed) always gives the same sequence. */
export function seededFaker(language: Language, recordSeed: number): Faker {
	const faker = FAKERS[language];
	faker.seed(recordSeed);
	return faker;
}

export function languageOf(seed: number, label: string, index: number): Language {
	const roll = unit(seed, label, index);
	if (roll < 0.55) return 'en';
	if (roll < 0.7) return 'de';
	if (roll < 0.83) return 'fr';
	if (roll < 0.95) return 'ja';
	return 'emoji';
}

export const LOCALE_OF: Record<Language, { locale: string; localeId: number; timeZone: string; iana: string }> = {
	en: { locale: 'en-US', localeId: 1, timeZone: 'Eastern Time (US & Canada)', iana: 'America/New_York' },
	de: { locale: 'de', localeId: 8, timeZone: 'Berlin', iana: 'Europe/Berlin' },
	fr: { locale: 'fr', localeId: 16, timeZone: 'Paris', iana: 'Europe/Paris' },
	ja: { locale: 'ja', localeId: 67, timeZone: 'Tokyo', iana: 'Asia/Tokyo' },
	emoji: { locale: 'en-US', localeId: 1, timeZone: 'Pacific Time (US & Canada)', iana: 'America/Los_Angeles' }
};

const SUBJECTS: Record<Language, readonly string[]> = {
	en: ['Cannot log in after password reset', 'Invoice shows the wrong VAT number', 'Export to CSV times out', 'Printer on fire — again', 'Refund for duplicate charge', 'App crashes when uploading photos'],
	de: ['Anmeldung nach Passwort-Zurücksetzung nicht möglich', 'Rechnung enthält falsche USt-IdNr.', 'Lieferung beschädigt – Ersatz benötigt', 'Größenänderung der Bestellung', 'Kündigung zum Monatsende'],
	fr: ['Impossible de me connecter après la réinitialisation', 'Facture erronée : TVA incorrecte', 'Colis endommagé à la livraison', 'Demande de remboursement — double prélèvement', 'Problème d’accès à l’espace client'],
	ja: ['パスワード再設定後にログインできません', '請求書の金額が間違っています', '商品が破損して届きました', '返金の手続きについて', 'アプリが起動直後に終了します'],
	emoji: ['🔥 Site down 🔥', 'Love the new update 😍🎉', 'Order #4711 still not here 📦❓', '👩‍💻 API key rotated, now 401', 'Thanks!! 🙏🏽✨']
};

const SENTENCES: Record<Language, readonly string[]> = {
	en: ['I tried again this morning and it still does not work.', 'Could you please look into this as soon as possible?', 'Our whole team is blocked until this is fixed.', 'I have attached a screenshot of the error.', 'Thanks for the quick reply, that solved it.', 'We are on the Enterprise plan, if that matters.'],
	de: ['Ich habe es heute früh noch einmal versucht, leider ohne Erfolg.', 'Könnten Sie sich das bitte schnellstmöglich ansehen?', 'Unser ganzes Team ist blockiert, bis das behoben ist.', 'Im Anhang finden Sie einen Screenshot der Fehlermeldung.', 'Vielen Dank für die schnelle Antwort – das hat geholfen.', 'Grüße aus Köln, Jürgen Weiß'],
	fr: ['J’ai réessayé ce matin, sans succès.', 'Pourriez-vous regarder cela au plus vite ?', 'Toute l’équipe est bloquée tant que ce n’est pas corrigé.', 'Vous trouverez ci-joint une capture d’écran de l’erreur.', 'Merci pour votre réponse rapide, c’est réglé.', 'Bien cordialement, Hélène Lefèvre'],
	ja: ['今朝もう一度試しましたが、まだ動作しません。', 'できるだけ早く確認していただけますか。', 'この問題が解決するまでチーム全体が作業できません。', 'エラーのスクリーンショットを添付します。', '迅速なご対応ありがとうございました。解決しました。', 'よろしくお願いいたします。'],
	emoji: ['Still broken 😩', 'Any update? ⏳⏳', 'It works now 🎉🎉🎉', 'See screenshot 👇', 'Family emoji test: 👨‍👩‍👧‍👦 and flags 🇩🇪🇫🇷🇯🇵', 'You are the best 💯🙌🏾']
};

export function subjectIn(language: Language, seed: number, index: number): string {
	return pick(SUBJECTS[language], seed, 'subject', index);
}

export function sentencesIn(language: Language, seed: number, label: string, index: number, count: number): string[] {
	return Array.from({ length: count }, (_, offset) => pick(SENTENCES[language], seed, label, index, offset));
}

/** Escapes text for HTML bodies; generated names can hold apostrophes and ampersands. */
export function escapeHtml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
