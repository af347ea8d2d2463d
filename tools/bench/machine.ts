/** What the benchmark ran on, for the table's heading. */
import { cpus, loadavg, release, totalmem, type } from 'node:os';

export interface Machine {
	readonly cpuModel: string;
	readonly cores: number;
	readonly memoryGiB: number;
	readonly node: string;
	readonly os: string;
}

export function describeMachine(): Machine {
	const processors = cpus();
	return {
		cpuModel: processors[0]?.model.trim() || 'unknown CPU',
		cores: processors.length,
		memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
		node: process.version,
		os: `${type()} ${release()}`,
	};
}

export function machineLine(machine: Machine): string {
	return `${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.os}`;
}

/** The one-minute load average: other work on the machine slows every figure, so the table says how busy it was. */
export function loadAverage(): string {
	return (loadavg()[0] ?? 0).toFixed(2);
}
