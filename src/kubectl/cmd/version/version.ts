// `kubectl version`: client, kustomize and server versions (the simulator is both client and server).
import { KUBERNETES_VERSION } from '../../../engine/index.ts';
import type { FlagSpec, KubectlCommand, ParsedCommand } from '../../command.ts';
import { flagBool, flagString } from '../../command.ts';
import { finished, type CommandEnv, type Process } from '../../process.ts';

/** The kustomize bundled with kubectl v1.36. */
export const KUSTOMIZE_VERSION = 'v5.8.1';

const flags: FlagSpec[] = [
  { name: 'client', type: 'bool', default: false },
  { name: 'output', short: 'o', type: 'string', default: '' },
];

function versionInfo(): Record<string, string> {
  const [major, minor] = KUBERNETES_VERSION.replace(/^v/, '').split('.');
  return { major: major ?? '', minor: minor ?? '', gitVersion: KUBERNETES_VERSION, platform: 'linux/amd64' };
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/version/version.go Options.Run
function runVersion(cmd: ParsedCommand, _env: CommandEnv): Process {
  if (cmd.args.length > 0)
    return finished('', `error: unknown command "${cmd.args[0]}" for "kubectl version"\n`, 1);
  const output = flagString(cmd, 'output');
  const client = flagBool(cmd, 'client');
  if (output !== '' && output !== 'yaml' && output !== 'json')
    return finished('', "error: --output must be 'yaml' or 'json'\n", 1);
  if (output === 'json') {
    const v = {
      clientVersion: versionInfo(),
      kustomizeVersion: KUSTOMIZE_VERSION,
      ...(client ? {} : { serverVersion: versionInfo() }),
    };
    return finished(`${JSON.stringify(v, null, 2)}\n`);
  }
  if (output === 'yaml') {
    const block = (name: string) =>
      `${name}:\n${Object.entries(versionInfo())
        .map(([k, v]) => `  ${k}: ${/^\d+$/.test(v) ? `"${v}"` : v}`)
        .join('\n')}\n`;
    return finished(
      `${block('clientVersion')}kustomizeVersion: ${KUSTOMIZE_VERSION}\n${client ? '' : block('serverVersion')}`,
    );
  }
  let text = `Client Version: ${KUBERNETES_VERSION}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`;
  if (!client) text += `Server Version: ${KUBERNETES_VERSION}\n`;
  return finished(text);
}

export const versionCommand: KubectlCommand = { path: ['version'], flags, run: runVersion };
