/**
 * The two answers every dashboard start waits for (the organization and who
 * is signed in), asked for as soon as the adapter exists: without a cached
 * list their round trips then overlap the loading of the terminal UI instead
 * of following it; with one, they confirm the list already on screen (keyed
 * on both) that much sooner.
 */
import type { OrgReader } from './gateway.js';

/** The gateway, with DescribeOrganization and GetCallerIdentity already sent; their first answers go to their first callers. */
export function withFirstAnswersRequested<Gateway extends OrgReader>(gateway: Gateway): Gateway {
	// A copy of the object's own methods: a read-only reader stays without writes, a gateway keeps them.
	return {
		...gateway,
		describeOrganization: firstAnswerEarly(() => gateway.describeOrganization()),
		callerIdentity: firstAnswerEarly(() => gateway.callerIdentity()),
	};
}

/** `call` made now; its answer goes to the first caller, every later call asks again. */
function firstAnswerEarly<T>(call: () => Promise<T>): () => Promise<T> {
	let early: Promise<T> | undefined = call();
	// Nobody may ask before a failure arrives: it is not an unhandled rejection, the first caller gets it.
	early.catch(() => {});
	return () => {
		const answer = early ?? call();
		early = undefined;
		return answer;
	};
}
