/**
 * The organization's centralized root access features, read when a screen
 * that advises root sign-in first needs them (never for the first frame), and
 * kept for the gateway once known; an unknown answer is asked again next time.
 */
import { useEffect, useState } from 'react';
import { toErrorInfo } from '../../domain/error-codes.js';
import { type RootAccessFeatures, whyRootAccessUnknown } from '../../domain/root-access.js';
import type { OrgReader } from '../../org/gateway.js';

const known = new WeakMap<OrgReader, RootAccessFeatures>();
const inFlight = new WeakMap<OrgReader, Promise<RootAccessFeatures>>();

function readRootAccess(gateway: OrgReader): Promise<RootAccessFeatures> {
	const pending = inFlight.get(gateway);
	if (pending) return pending;
	const asked = gateway
		.rootAccessFeatures()
		// The gateways never reject here; should one, its error is the reason the answer is unknown.
		.catch((error: unknown): RootAccessFeatures => ({ known: false, reason: whyRootAccessUnknown(toErrorInfo(error)) }))
		.then((answer) => {
			inFlight.delete(gateway);
			if (answer.known) known.set(gateway, answer);
			return answer;
		});
	inFlight.set(gateway, asked);
	return asked;
}

/** Undefined while read, or when `wanted` is false (nothing on screen needs it). */
export function useRootAccess(gateway: OrgReader, wanted = true): RootAccessFeatures | undefined {
	const [answer, setAnswer] = useState<RootAccessFeatures | undefined>(() => known.get(gateway));
	useEffect(() => {
		if (!wanted) return;
		const cached = known.get(gateway);
		if (cached) {
			setAnswer(cached);
			return;
		}
		let live = true;
		void readRootAccess(gateway).then((read) => {
			if (live) setAnswer(read);
		});
		return () => {
			live = false;
		};
	}, [gateway, wanted]);
	return wanted ? answer : undefined;
}
