import { describe, expect, it } from 'vitest';
import { VirtualScreen } from './screen.js';

const ESC = '\u001B';

describe('VirtualScreen', () => {
	it('prints text, wraps at the last column and scrolls at the bottom', () => {
		const screen = new VirtualScreen(5, 3);
		screen.write('abcdefg\r\nxy\r\nz\r\nlast');
		expect(screen.text()).toEqual(['xy', 'z', 'last']);
	});

	it('follows what Ink writes between frames: erase lines upwards, then the new frame', () => {
		const screen = new VirtualScreen(20, 5);
		// A pseudo-terminal turns each \n into \r\n (onlcr) before the screen sees it.
		screen.write('frame one\r\nrow 1\r\nrow 2\r\n');
		// ansi-escapes eraseLines(4): erase and move up, three times, erase, then column 1.
		screen.write(`${ESC}[2K${ESC}[1A${ESC}[2K${ESC}[1A${ESC}[2K${ESC}[1A${ESC}[2K${ESC}[G`);
		screen.write('frame two\r\nrow 9\r\n');
		expect(screen.text()).toEqual(['frame two', 'row 9', '', '', '']);
	});

	it('ignores colours and private modes, and keeps a sequence cut between two writes', () => {
		const screen = new VirtualScreen(20, 2);
		screen.write(`${ESC}[?25l${ESC}[?2026h${ESC}[3`);
		screen.write(`2mred${ESC}[39m plain${ESC}]0;title\u0007`);
		expect(screen.text()).toEqual(['red plain', '']);
	});

	it('moves the cursor and erases the display', () => {
		const screen = new VirtualScreen(10, 3);
		screen.write('aaaaaaaaaa\r\nbbbbbbbbbb\r\ncccccccccc');
		screen.write(`${ESC}[2;4H${ESC}[K`);
		expect(screen.text()).toEqual(['aaaaaaaaaa', 'bbb', 'cccccccccc']);
		screen.write(`${ESC}[1;1H${ESC}[0J`);
		expect(screen.text()).toEqual(['', '', '']);
		// Erasing the display leaves the cursor where it was.
		screen.write(`x${ESC}[2Jy`);
		expect(screen.text()).toEqual([' y', '', '']);
		screen.write(`${ESC}[H${ESC}[3Cz`);
		expect(screen.text()).toEqual([' y z', '', '']);
	});
});
