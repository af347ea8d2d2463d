/** How a confirmed batch's requests are made, per verb. */
import type { Plan } from '../domain/batch/plan.js';
import type { OrgGateway } from '../org/gateway.js';
import { type BatchCall, plainCall } from './batch-run.js';

export async function prepareBatchCall(plan: Plan, gateway: OrgGateway): Promise<BatchCall> {
	switch (plan.verb) {
		case 'close':
		case 'remove':
			return plainCall(plan.verb, gateway);
		default:
			throw new Error(`${plan.verb} is not available in this version.`);
	}
}
