// `curl URL`: an HTTP GET into the simulated cluster (a NodePort on a node's name or IP, a Service's ClusterIP or
// DNS name, a pod IP, or a host alias like the tutorial's `host01`). The reply is the container image's.
import { chunkJob, doneJob, type Chunk, type Job } from '../job.ts';
import type { CommandContext, CommandSpec } from './command.ts';
import { strftime } from './date.ts';
import { utf8Length } from './text.ts';

const TRY = "curl: try 'curl --help' or 'curl --manual' for more information\n";

/** Options taking a value; those not listed in `handled` are accepted and ignored (headers, timeouts…). */
const WITH_VALUE: Record<string, string> = {
  '-o': 'output',
  '-w': 'write-out',
  '-X': 'request',
  '-H': 'header',
  '-m': 'max-time',
  '-A': 'user-agent',
  '-u': 'user',
  '-d': 'data',
  '-e': 'referer',
  '-b': 'cookie',
  '-c': 'cookie-jar',
  '-x': 'proxy',
};
const LONG_WITH_VALUE = new Set([
  ...Object.values(WITH_VALUE),
  'connect-timeout',
  'retry',
  'retry-delay',
  'retry-max-time',
  'data-raw',
  'data-binary',
  'cacert',
  'resolve',
]);
const FLAGS: Record<string, string> = {
  '-s': 'silent',
  '-S': 'show-error',
  '-i': 'include',
  '-I': 'head',
  '-f': 'fail',
  '-L': 'location',
  '-k': 'insecure',
  '-v': 'verbose',
  '-4': 'ipv4',
  '-6': 'ipv6',
  '-N': 'no-buffer',
  '-g': 'globoff',
};
const LONG_FLAGS = new Set([
  ...Object.values(FLAGS),
  'compressed',
  'http1.1',
  'fail-with-body',
  'no-progress-meter',
]);

// Models curl src/tool_writeout.c ourWriteOut for the variables scripts use.
function writeOut(format: string, vars: Record<string, string>): string {
  return format
    .replace(/%\{([a-z_]+)\}/g, (all, name: string) => vars[name] ?? all)
    .replace(/\\([nrt\\])/g, (_, c: string) => ({ n: '\n', r: '\r', t: '\t', '\\': '\\' })[c]!);
}

// Models curl src/tool_getparam.c (option letters may be combined: -sS, -fsSL, -so FILE) and tool_operate.c.
function curl(args: string[], ctx: CommandContext): Job {
  const opts = new Map<string, string>();
  const flags = new Set<string>();
  const urls: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = a.slice(2, eq < 0 ? undefined : eq);
      if (LONG_WITH_VALUE.has(name)) {
        const v = eq < 0 ? args[++i] : a.slice(eq + 1);
        if (v === undefined) return doneJob('', `curl: option ${a}: requires parameter\n${TRY}`, 2);
        opts.set(name, v);
      } else if (LONG_FLAGS.has(name)) flags.add(name);
      else if (name === 'url') urls.push(args[++i] ?? '');
      else return doneJob('', `curl: option ${a}: is unknown\n${TRY}`, 2);
    } else if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const letter = `-${a[j]}`;
        if (FLAGS[letter]) {
          flags.add(FLAGS[letter]);
        } else if (WITH_VALUE[letter]) {
          const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
          if (v === undefined) return doneJob('', `curl: option ${letter}: requires parameter\n${TRY}`, 2);
          opts.set(WITH_VALUE[letter], v);
          break;
        } else return doneJob('', `curl: option ${letter}: is unknown\n${TRY}`, 2);
      }
    } else urls.push(a);
  }
  if (urls.length === 0) return doneJob('', args.length === 0 ? TRY : `curl: no URL specified!\n${TRY}`, 2);
  const silent = flags.has('silent') && !flags.has('show-error');
  const method = opts.get('request') ?? (flags.has('head') ? 'HEAD' : 'GET');
  const output = opts.get('output');
  const chunks: Chunk[] = [];
  const print = (fd: 1 | 2, text: string) => {
    if (text) chunks.push({ fd, text });
  };
  let exitCode = 0;
  for (const url of urls) {
    const r = ctx.cluster.request(url);
    let code = '000';
    let size = 0;
    if (r.ok) {
      code = '200';
      const head = method === 'HEAD';
      size = head ? 0 : utf8Length(r.body);
      const type = r.body.trimStart().startsWith('<') ? 'text/html' : 'text/plain';
      const headers =
        flags.has('include') || head
          ? `HTTP/1.1 200 OK\nContent-Type: ${type}\nDate: ${strftime('%a, %d %b %Y %H:%M:%S GMT', ctx.cluster.now())}\nContent-Length: ${utf8Length(r.body)}\n\n`
          : '';
      const body = head ? '' : r.body;
      if (output === undefined || output === '-') print(1, headers + body);
      else if (output !== '/dev/null') ctx.writeFile(output, headers + body);
    } else {
      exitCode = r.exitCode;
      if (!silent) print(2, `${r.message}\n`);
    }
    const format = opts.get('write-out');
    if (format !== undefined) {
      const vars = { http_code: code, response_code: code, size_download: String(size), url_effective: url };
      print(1, writeOut(format, vars));
    }
  }
  return chunkJob(chunks, exitCode);
}

export const curlCommands: Record<string, CommandSpec> = { curl: { run: curl } };
