/** The header's data age: it keeps its own clock, so the dashboard under it is not drawn again on each tick. */
import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dataAgeLabel, Header } from '../../source/ui/components/Header.js';

afterEach(() => {
	cleanup();
	vi.useRealTimers();
});

describe('the header', () => {
	it('says how old the data is, and the age moves on with the clock', async () => {
		vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
		const loadedAt = new Date();
		const app = render(<Header kind="sandbox" loading={false} loadedAt={loadedAt} fromCache={false} />);
		expect(app.lastFrame()).toContain(dataAgeLabel({ loading: false, loadedAt, fromCache: false }, new Date()));
		await vi.advanceTimersByTimeAsync(65_000);
		expect(app.lastFrame()).toContain('data: loaded 1 min ago');
	});

	it('labels the age from the time it is given', () => {
		const loadedAt = new Date('2026-12-01T10:00:00Z');
		const now = new Date('2026-12-01T10:00:20Z');
		expect(dataAgeLabel({ loading: false, loadedAt, fromCache: false }, now)).toBe('data: loaded 20 s ago');
		expect(dataAgeLabel({ loading: true, loadedAt, fromCache: true }, now)).toBe('data: cached 20 s ago, refreshing…');
	});
});
