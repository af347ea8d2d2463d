import { describe, expect, it } from 'vitest';
import {
	leftQueuedReason,
	QUOTA_EXCEEDED,
	REQUESTS_LIMIT_EXCEEDED,
	type RunnerEvent,
	type RunnerState,
	runnerFinished,
	runnerStep,
	startRunner,
} from '../../../source/domain/batch/runner.js';

const IDS = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'];

function run(state: RunnerState, events: RunnerEvent[], nextSlotAt?: string) {
	const calls: string[] = [];
	const tracks: string[] = [];
	let pauses = 0;
	for (const event of events) {
		const next = runnerStep(state, event, nextSlotAt);
		state = next.state;
		for (const effect of next.effects) {
			if (effect.type === 'call') calls.push(effect.accountId);
			if (effect.type === 'track') tracks.push(effect.accountId);
			if (effect.type === 'pause') pauses++;
		}
	}
	return { state, calls, tracks, pauses };
}

const ok = (accountId: string): RunnerEvent => ({ type: 'succeeded', accountId });
const closed = (accountId: string): RunnerEvent => ({ type: 'closed', accountId });
const fail = (accountId: string, code: string, reason?: string): RunnerEvent => ({
	type: 'failed',
	accountId,
	error: { code, reason },
});

describe('the batch runner', () => {
	it('keeps at most three closures in progress and sends the next when one finishes', () => {
		const first = run(startRunner('close', IDS), [{ type: 'start' }, ok('a1'), ok('a2'), ok('a3')]);
		expect(first.calls).toEqual(['a1', 'a2', 'a3']);
		expect(first.tracks).toEqual(['a1', 'a2', 'a3']);
		const next = run(first.state, [closed('a2')]);
		expect(next.calls).toEqual(['a4']);
	});

	it('waits for a closure in progress after CLOSE_ACCOUNT_REQUESTS_LIMIT_EXCEEDED, then sends the same account first', () => {
		const { state, calls } = run(startRunner('close', IDS), [
			{ type: 'start' },
			ok('a1'),
			fail('a2', 'ConstraintViolationException', REQUESTS_LIMIT_EXCEEDED),
			fail('a3', 'ConstraintViolationException', REQUESTS_LIMIT_EXCEEDED),
		]);
		expect(calls).toEqual(['a1', 'a2', 'a3']);
		expect(state.held).toBe(true);
		expect(state.queued.slice(0, 3)).toEqual(['a3', 'a2', 'a4']);
		const after = run(state, [closed('a1')]);
		expect(after.calls).toEqual(['a3', 'a2', 'a4']);
	});

	it('pauses when the limit is hit with none of its own closures in progress', () => {
		const { state, pauses } = run(startRunner('close', IDS, { callLimit: 1 }), [
			{ type: 'start' },
			fail('a1', 'ConstraintViolationException', REQUESTS_LIMIT_EXCEEDED),
		]);
		expect(pauses).toBe(1);
		expect(run(state, [{ type: 'resume' }]).calls).toEqual(['a1']);
	});

	it('stops the closures on CLOSE_ACCOUNT_QUOTA_EXCEEDED and keeps the rest queued with the date', () => {
		const until = '2026-07-01T00:00:00.000Z';
		const { state, calls } = run(
			startRunner('close', IDS),
			[{ type: 'start' }, ok('a1'), fail('a2', 'ConstraintViolationException', QUOTA_EXCEEDED), closed('a1')],
			until,
		);
		// a1 closing and a2 refused: a3 is still in flight, and nothing new goes once the allowance is spent.
		expect(calls).toEqual(['a1', 'a2', 'a3']);
		expect(state.quotaStop).toEqual({ until });
		expect(runnerFinished(state)).toBe(false);
		const end = run(state, [ok('a3')], until);
		expect(end.calls).toEqual([]);
		expect(runnerFinished(end.state)).toBe(true);
		expect(end.state.queued).toEqual(['a2', 'a4', 'a5', 'a6']);
		expect(leftQueuedReason(end.state)).toContain('4 accounts stay queued until a slot frees on 2026-07-01');
	});

	it('explains other errors per account and goes on', () => {
		const { state, calls } = run(startRunner('remove', ['a1', 'a2'], { callLimit: 1 }), [
			{ type: 'start' },
			fail('a1', 'ConstraintViolationException', 'ACCOUNT_CANNOT_LEAVE_WITHOUT_EULA'),
			ok('a2'),
		]);
		expect(calls).toEqual(['a1', 'a2']);
		expect(state.failed).toEqual([
			{
				accountId: 'a1',
				error: { code: 'ConstraintViolationException', reason: 'ACCOUNT_CANNOT_LEAVE_WITHOUT_EULA' },
				unknown: false,
			},
		]);
		expect(state.done).toEqual(['a2']);
		expect(runnerFinished(state)).toBe(true);
	});

	it('after q finishes the calls in flight, sends nothing more and keeps the rest queued', () => {
		const { state, calls } = run(startRunner('remove', IDS), [{ type: 'start' }, { type: 'stop' }, ok('a1'), ok('a2')]);
		expect(calls).toEqual(['a1', 'a2', 'a3']);
		expect(runnerFinished(state)).toBe(false);
		const end = run(state, [ok('a3')]);
		expect(runnerFinished(end.state)).toBe(true);
		expect(end.state.queued).toEqual(['a4', 'a5', 'a6']);
		expect(leftQueuedReason(end.state)).toContain('3 accounts stay queued');
	});

	it('tracks a closure whose answer was lost, holding its slot', () => {
		const { state, tracks } = run(startRunner('close', ['a1']), [{ type: 'start' }, fail('a1', 'NetworkError')]);
		expect(state.failed[0]?.unknown).toBe(true);
		expect(tracks).toEqual(['a1']);
		expect(state.closing).toEqual(['a1']);
	});
});
