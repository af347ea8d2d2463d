/** The current time, re-read every `intervalMs`, for labels such as the data's age. */
import { useEffect, useState } from 'react';

export function useNow(intervalMs = 5000): Date {
	const [now, setNow] = useState(() => new Date());
	useEffect(() => {
		const timer = setInterval(() => setNow(new Date()), intervalMs);
		// The clock alone must never keep the process alive.
		timer.unref?.();
		return () => clearInterval(timer);
	}, [intervalMs]);
	return now;
}
