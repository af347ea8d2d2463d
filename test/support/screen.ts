/**
 * A small terminal screen model: enough of VT100/xterm to follow what Ink
 * writes (cursor moves, line and screen erases, colours ignored), so the
 * benchmark and the tests can ask what is on the screen now rather than search the raw
 * output stream, where text from earlier frames lingers.
 */

export class VirtualScreen {
	readonly columns: number;
	readonly rows: number;
	private lines: string[][];
	private x = 0;
	private y = 0;
	/** The cursor sits past the last column: the next printable character wraps first. */
	private pendingWrap = false;
	/** An escape sequence cut by a chunk boundary, kept until the rest arrives. */
	private partial = '';

	constructor(columns: number, rows: number) {
		this.columns = columns;
		this.rows = rows;
		this.lines = Array.from({ length: rows }, () => this.blankLine());
	}

	private blankLine(): string[] {
		return new Array<string>(this.columns).fill(' ');
	}

	/** The visible text, one string per row, trailing spaces removed. */
	text(): string[] {
		return this.lines.map((line) => line.join('').trimEnd());
	}

	write(data: string): void {
		const input = this.partial + data;
		this.partial = '';
		let i = 0;
		while (i < input.length) {
			const char = input[i] as string;
			if (char === '\u001B') {
				const consumed = this.escape(input, i);
				if (consumed === 0) {
					this.partial = input.slice(i);
					return;
				}
				i += consumed;
				continue;
			}
			i++;
			switch (char) {
				case '\r':
					this.x = 0;
					this.pendingWrap = false;
					break;
				case '\n':
					this.lineFeed();
					break;
				case '\b':
					this.x = Math.max(0, this.x - 1);
					this.pendingWrap = false;
					break;
				case '\t':
					this.x = Math.min(this.columns - 1, (Math.floor(this.x / 8) + 1) * 8);
					break;
				default:
					if (char < ' ' || char === '\u007F') break;
					this.put(char);
			}
		}
	}

	private put(char: string): void {
		if (this.pendingWrap) {
			this.x = 0;
			this.lineFeed();
			this.pendingWrap = false;
		}
		(this.lines[this.y] as string[])[this.x] = char;
		if (this.x === this.columns - 1) this.pendingWrap = true;
		else this.x++;
	}

	private lineFeed(): void {
		this.pendingWrap = false;
		if (this.y === this.rows - 1) {
			this.lines.shift();
			this.lines.push(this.blankLine());
		} else {
			this.y++;
		}
	}

	/** Handles the sequence starting at `start`; returns its length, or 0 when it is incomplete. */
	private escape(input: string, start: number): number {
		const next = input[start + 1];
		if (next === undefined) return 0;
		if (next === '[') {
			let end = start + 2;
			while (end < input.length && !/[@-~]/.test(input[end] as string)) end++;
			if (end >= input.length) return 0;
			this.csi(input.slice(start + 2, end), input[end] as string);
			return end - start + 1;
		}
		if (next === ']') {
			// Operating system command (window title, hyperlinks): ends with BEL or ST.
			for (let end = start + 2; end < input.length; end++) {
				if (input[end] === '\u0007') return end - start + 1;
				if (input[end] === '\u001B' && input[end + 1] === '\\') return end - start + 2;
			}
			return 0;
		}
		if (next === '(' || next === ')') return start + 2 < input.length ? 3 : 0;
		if (next === 'c') {
			this.clear();
			this.x = 0;
			this.y = 0;
		}
		// Other two-character sequences (save/restore cursor, keypad modes) do not change the text.
		return 2;
	}

	private clear(): void {
		this.lines = Array.from({ length: this.rows }, () => this.blankLine());
	}

	private csi(parameters: string, final: string): void {
		// Private modes (`?25l`, `?2026h`) and keyboard protocol queries do not change the text.
		if (/^[?>=<]/.test(parameters)) return;
		const numbers = parameters.split(';').map((part) => Number.parseInt(part, 10));
		const first = Number.isNaN(numbers[0]) ? undefined : numbers[0];
		const count = Math.max(1, first ?? 1);
		this.pendingWrap = false;
		switch (final) {
			case 'A':
				this.y = Math.max(0, this.y - count);
				break;
			case 'B':
				this.y = Math.min(this.rows - 1, this.y + count);
				break;
			case 'C':
				this.x = Math.min(this.columns - 1, this.x + count);
				break;
			case 'D':
				this.x = Math.max(0, this.x - count);
				break;
			case 'E':
				this.y = Math.min(this.rows - 1, this.y + count);
				this.x = 0;
				break;
			case 'F':
				this.y = Math.max(0, this.y - count);
				this.x = 0;
				break;
			case 'G':
				this.x = Math.min(this.columns - 1, count - 1);
				break;
			case 'H':
			case 'f': {
				const column = Number.isNaN(numbers[1]) ? 1 : (numbers[1] ?? 1);
				this.y = Math.min(this.rows - 1, Math.max(0, count - 1));
				this.x = Math.min(this.columns - 1, Math.max(0, column - 1));
				break;
			}
			case 'J':
				this.eraseDisplay(first ?? 0);
				break;
			case 'K':
				this.eraseLine(first ?? 0);
				break;
			default:
				// Colours (m) and anything else leave the text as it is.
				break;
		}
	}

	private eraseLine(mode: number): void {
		const line = this.lines[this.y] as string[];
		const from = mode === 0 ? this.x : 0;
		const to = mode === 1 ? this.x + 1 : this.columns;
		line.fill(' ', from, to);
	}

	private eraseDisplay(mode: number): void {
		if (mode === 2 || mode === 3) {
			this.clear();
			return;
		}
		this.eraseLine(mode);
		if (mode === 0) {
			for (let row = this.y + 1; row < this.rows; row++) this.lines[row] = this.blankLine();
		} else {
			for (let row = 0; row < this.y; row++) this.lines[row] = this.blankLine();
		}
	}
}
