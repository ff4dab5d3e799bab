// The shell's public surface: what the console, tutorial steps and the transcript CLI use.
export { Shell, normalizePath, type ShellOptions, type RunOptions, type ShellProcess } from './shell.ts';
export { Session, type SessionListener } from './session.ts';
export type { Chunk, JobUpdate } from './job.ts';
export type { CommandSpec, CommandContext, Filter } from './commands/command.ts';
