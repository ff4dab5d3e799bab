// The text tools and script builtins beyond the basics, gathered for the shell's command table.
import type { CommandSpec } from './command.ts';
import { awkCommands } from './awk.ts';
import { builtinCommands } from './builtins.ts';
import { cutTrCommands } from './cut-tr.ts';
import { dateCommands } from './date.ts';
import { printfCommands } from './printf.ts';
import { sortUniqCommands } from './sort-uniq.ts';
import { xargsCommands } from './xargs.ts';

export const toolCommands: Record<string, CommandSpec> = {
  ...builtinCommands,
  ...printfCommands,
  ...cutTrCommands,
  ...sortUniqCommands,
  ...awkCommands,
  ...xargsCommands,
  ...dateCommands,
};
