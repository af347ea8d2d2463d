import { describe, expect, it } from 'vitest';
import { isNetworkCode, toErrorInfo } from '../../source/domain/error-codes.js';
import { leavesOutcomeUnknown } from '../../source/domain/outcome.js';

describe('toErrorInfo', () => {
	it('keeps the fields of an error that carries a code (an OrgError)', () => {
		const error = Object.assign(new Error('You cannot remove it yet'), {
			name: 'OrgError',
			code: 'ConstraintViolationException',
			reason: 'WAIT_PERIOD_ACTIVE',
			network: false,
			outcomeUnknown: false,
		});
		expect(toErrorInfo(error)).toEqual({
			code: 'ConstraintViolationException',
			reason: 'WAIT_PERIOD_ACTIVE',
			message: 'You cannot remove it yet',
			network: false,
			outcomeUnknown: false,
		});
	});

	it('takes a Node system error with a network code as a network failure', () => {
		const info = toErrorInfo(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }));
		expect(info.code).toBe('ECONNRESET');
		expect(info.network).toBe(true);
		expect(leavesOutcomeUnknown(info)).toBe(true);
	});

	it('names any other error by its class, and never takes it as a refusal', () => {
		const info = toErrorInfo(new TypeError('x is not a function'));
		expect(info.code).toBe('TypeError');
		expect(info.message).toBe('x is not a function');
		expect(leavesOutcomeUnknown(info)).toBe(true);
		expect(toErrorInfo('plain text')).toMatchObject({ code: 'Error', message: 'plain text', outcomeUnknown: true });
	});

	it('redacts credentials from the message', () => {
		const info = toErrorInfo(new Error('denied for AKIAIOSFODNN7EXAMPLE'));
		expect(info.message).not.toContain('AKIAIOSFODNN7EXAMPLE');
	});
});

describe('isNetworkCode', () => {
	it('knows no connection and no answer in time, and nothing else', () => {
		for (const code of ['ECONNREFUSED', 'ENOTFOUND', 'NetworkError', 'ETIMEDOUT', 'TimeoutError']) {
			expect(isNetworkCode(code)).toBe(true);
		}
		for (const code of ['AccessDeniedException', 'ConstraintViolationException', 'Error']) {
			expect(isNetworkCode(code)).toBe(false);
		}
	});
});
