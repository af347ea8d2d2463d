/**
 * The terminal's size, kept current: Ink re-lays out on resize but does not
 * re-render, so this listens to the output stream's 'resize' itself. Streams
 * without a size (pipes, ink-testing-library's 100 columns and no rows) get
 * the classic 80x24 where a figure is missing.
 */
import { useStdout } from 'ink';
import { useEffect, useState } from 'react';

export interface TerminalSize {
	readonly columns: number;
	readonly rows: number;
}

export const FALLBACK_SIZE: TerminalSize = { columns: 80, rows: 24 };

export function terminalSize(stream: { columns?: number; rows?: number }): TerminalSize {
	return {
		columns: stream.columns && stream.columns > 0 ? stream.columns : FALLBACK_SIZE.columns,
		rows: stream.rows && stream.rows > 0 ? stream.rows : FALLBACK_SIZE.rows,
	};
}

export function useTerminalSize(): TerminalSize {
	const { stdout } = useStdout();
	const [size, setSize] = useState(() => terminalSize(stdout));
	useEffect(() => {
		const onResize = () => {
			const next = terminalSize(stdout);
			setSize((current) => (current.columns === next.columns && current.rows === next.rows ? current : next));
		};
		// A resize between the first render and this subscription must not be missed.
		onResize();
		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout]);
	return size;
}
