/** Reading the dashboard's screen: when is the whole list there. */

/**
 * The count in the status line under the table once a load has finished
 * ("10,000 accounts · sorted by name"), or undefined while loading, while rows
 * from the cache are still unconfirmed, or when the line is not on screen.
 */
export function loadedTotal(screen: readonly string[]): number | undefined {
	for (const line of screen) {
		const match = /^(\d[\d,]*) accounts? · sorted by/.exec(line.trim());
		if (match && !line.includes('from the cache')) return Number((match[1] as string).replace(/,/g, ''));
	}
	return undefined;
}
