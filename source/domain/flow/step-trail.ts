/** The trail of steps at the top of a flow's panel, and where the flow is on it. */
import type { FlowState } from './types.js';

/** The steps of each flow, for the trail at the top of the panel. */
export function stepTrail(state: FlowState): { readonly labels: readonly string[]; readonly current: number } {
	const { step, context } = state;
	const action = 'action' in step ? step.action : undefined;
	const removing =
		context.kind === 'remove' ||
		step.name === 'remove-intro' ||
		step.name === 'removed' ||
		step.name === 'console' ||
		action === 'remove';
	if (context.kind === 'remove') {
		const labels = ['What removal means', 'Confirm', 'Remove'];
		const current = { 'remove-intro': 0, 'confirm-id': 1, 'confirm-yes': 1 }[step.name as string] ?? 2;
		return { labels, current: step.name === 'loading' || step.name === 'refused' ? 0 : current };
	}
	const labels = removing
		? ['Before you start', 'Backup', 'Path', 'Removal', 'Confirm', 'Remove', 'Close in the console']
		: ['Before you start', 'Backup', 'Path', 'Confirm', 'Close', 'Track'];
	const order: Record<string, number> = removing
		? {
				intro: 0,
				checklist: 1,
				path: 2,
				'remove-intro': 3,
				'confirm-id': 4,
				'confirm-yes': 4,
				submitting: 5,
				settling: 5,
				unknown: 5,
				removed: 5,
				failed: 5,
				console: 6,
			}
		: {
				intro: 0,
				checklist: 1,
				path: 2,
				'confirm-id': 3,
				'confirm-yes': 3,
				submitting: 4,
				settling: 4,
				unknown: 4,
				failed: 4,
				tracking: 5,
				closed: 5,
			};
	return { labels, current: order[step.name] ?? 0 };
}
