// Kayako's error bodies: {status, errors:[{code, parameter?, message, more_info}], notifications?}, with the codes its docs list.
import { jsonReply, type Reply } from '../common/reply';

export interface KayakoError {
	code: string;
	parameter?: string;
	message: string;
}

export interface Notification {
	type: 'ERROR' | 'WARNING' | 'INFO' | 'SUCCESS';
	message: string;
	sticky: boolean;
}

const MESSAGES: Record<string, string> = {
	AUTHORIZATION_REQUIRED: 'Performing this action on this resource requires authorization',
	AUTHENTICATION_FAILED: 'Used authentication credentials are invalid or signature verification failed',
	AUTHENTICATION_LOCKED: 'Too many failed authentication attempts; authentication is locked for a while',
	OTP_EXPECTED: 'To complete authentication you need to provide the one-time password',
	CSRF_FAILED: 'The request is missing the CSRF token of the session, or the token does not match',
	SESSION_LOADING_FAILED: 'The session could not be loaded',
	PARAMETERS_INCONSISTENT: 'Supplied parameters are inconsistent with each other',
	RATE_LIMIT_REACHED: 'Rate limit has been reached; retry after the time given in the Retry-After header',
	RESOURCE_NOT_FOUND: 'Resource does not exist or has been removed',
	METHOD_NOT_SUPPORTED: 'The resource does not support this HTTP method',
	FORMAT_NOT_ACCEPTABLE: 'The Accept header must allow application/json',
	PERMISSIONS_DENIED: 'You do not have the permissions required for this action',
	EXCEPTION_CAUGHT: 'An unexpected error occurred while processing the request',
	PARAMETER_INVALID: 'The request body could not be read',
	RESOURCE_ACTION_NOT_AVAILABLE: 'This action is not available for this resource'
};

export function moreInfo(code: string): string {
	return `https://developer.kayako.com/api/v1/reference/errors/${code}`;
}

export function errorBody(status: number, errors: readonly KayakoError[], notifications?: readonly Notification[]): Record<string, unknown> {
	return {
		status,
		errors: errors.map((error) => ({
			code: error.code,
			...(error.parameter !== undefined && { parameter: error.parameter }),
			message: error.message,
			more_info: moreInfo(error.code)
		})),
		...(notifications && { notifications })
	};
}

export function errorReply(status: number, code: string, options: { message?: string; parameter?: string; notifications?: Notification[]; headers?: Record<string, string>; extra?: Record<string, unknown> } = {}): Reply {
	const error: KayakoError = { code, message: options.message ?? MESSAGES[code] ?? code, ...(options.parameter !== undefined && { parameter: options.parameter }) };
	return jsonReply(status, { ...errorBody(status, [error], options.notifications), ...options.extra }, options.headers ?? {});
}

export function validationReply(errors: readonly KayakoError[]): Reply {
	return jsonReply(400, errorBody(400, errors));
}

export const notFound = (): Reply => errorReply(404, 'RESOURCE_NOT_FOUND');
export const forbidden = (message?: string): Reply => errorReply(403, 'PERMISSIONS_DENIED', message === undefined ? {} : { message });

export const fieldRequired = (parameter: string): KayakoError => ({ code: 'FIELD_REQUIRED', parameter, message: `The ${parameter} field is required` });
export const fieldInvalid = (parameter: string, why: string): KayakoError => ({ code: 'FIELD_INVALID', parameter, message: `The ${parameter} field is invalid: ${why}` });
export const fieldDuplicate = (parameter: string, value: string): KayakoError => ({
	code: 'FIELD_DUPLICATE',
	parameter,
	message: `The value "${value}" of the ${parameter} field is already used for another resource`
});
