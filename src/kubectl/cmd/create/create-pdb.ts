// `kubectl create poddisruptionbudget|pdb NAME --selector=SELECTOR --min-available=N|--max-unavailable=N`.
import { parseSelector, type LabelSelector, type PodDisruptionBudget } from '../../../engine/index.ts';
import type { FlagSpec, KubectlCommand, ParsedCommand } from '../../command.ts';
import { flagBool, flagString } from '../../command.ts';
import type { CommandEnv, Process } from '../../process.ts';
import {
  allowMissingTemplateKeysFlag,
  dryRunFlag,
  fieldManagerFlag,
  outputFlag,
  showManagedFieldsFlag,
  templateFlag,
} from '../../flags.ts';
import { validateFlag, withApplyAnnotation } from '../apply/apply.ts';
import { GoError, Output, getDryRunStrategy, usageErrorf } from '../util/helpers.ts';
import { argsLenAtDash } from '../util/invocation.ts';
import { printerFor } from '../util/printing.ts';
import { createAndPrint } from './create-object.ts';

const flags: FlagSpec[] = [
  outputFlag,
  templateFlag,
  allowMissingTemplateKeysFlag,
  showManagedFieldsFlag,
  { name: 'save-config', type: 'bool', default: false },
  validateFlag,
  dryRunFlag,
  { name: 'min-available', type: 'string', default: '' },
  { name: 'max-unavailable', type: 'string', default: '' },
  { name: 'selector', type: 'string', default: '' },
  fieldManagerFlag('kubectl-create'),
];

// Models kubernetes/staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/helpers.go ParseToLabelSelector
export function parseToLabelSelector(selector: string): LabelSelector | GoError {
  const [reqs, err] = parseSelector(selector);
  if (err) return new GoError(`couldn't parse the selector string "${selector}": ${err}`);
  const matchLabels: Record<string, string> = {};
  const matchExpressions: NonNullable<LabelSelector['matchExpressions']> = [];
  const ops = { in: 'In', notin: 'NotIn', exists: 'Exists', '!': 'DoesNotExist' } as const;
  for (const r of [...reqs].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
    if (r.op === '=' || r.op === '==') {
      if (r.values.length !== 1) return new GoError('equals operator must have exactly one value');
      matchLabels[r.key] = r.values[0]!;
      continue;
    }
    if (r.op === '!=') return new GoError(`"!=" isn't supported in label selectors`);
    const values = [...r.values].sort();
    matchExpressions.push({ key: r.key, operator: ops[r.op], ...(values.length > 0 ? { values } : {}) });
  }
  // Empty maps and lists are omitted when the object is marshalled (omitempty).
  return {
    ...(matchExpressions.length > 0 ? { matchExpressions } : {}),
    ...(Object.keys(matchLabels).length > 0 ? { matchLabels } : {}),
  };
}

// Models kubernetes/staging/src/k8s.io/apimachinery/pkg/util/intstr/intstr.go Parse
const intstrParse = (v: string): number | string => (/^-?\d+$/.test(v) ? Number(v) : v);

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/create/create_pdb.go PodDisruptionBudgetOpts.Validate
function validate(selector: string, minAvailable: string, maxUnavailable: string): GoError | undefined {
  if (selector.length === 0) return new GoError('a selector must be specified');
  if (maxUnavailable.length === 0 && minAvailable.length === 0)
    return new GoError('one of min-available or max-unavailable must be specified');
  if (maxUnavailable.length > 0 && minAvailable.length > 0)
    return new GoError('min-available and max-unavailable cannot be both specified');
  const re = /^[0-9]+%?$/;
  if (minAvailable.length > 0 && !re.test(minAvailable))
    return new GoError('invalid format specified for min-available');
  if (maxUnavailable.length > 0 && !re.test(maxUnavailable))
    return new GoError('invalid format specified for max-unavailable');
  return undefined;
}

function runCreatePdb(cmd: ParsedCommand, env: CommandEnv): Process {
  const out = new Output();
  const fail = (err: GoError) => {
    out.fail(err);
    return out.finish();
  };
  // Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/create/create.go NameFromCommandArgs
  const dash = argsLenAtDash();
  const argsLen = dash === -1 ? cmd.args.length : dash;
  if (argsLen !== 1)
    return fail(
      usageErrorf('kubectl create poddisruptionbudget', `exactly one NAME is required, got ${argsLen}`),
    );
  const dryRun = getDryRunStrategy(flagString(cmd, 'dry-run'), cmd.given.has('dry-run'));
  if (dryRun instanceof GoError) return fail(dryRun);
  const printer = printerFor(cmd, env, dryRun);
  if (printer instanceof GoError) return fail(printer);
  const selector = flagString(cmd, 'selector');
  const minAvailable = flagString(cmd, 'min-available');
  const maxUnavailable = flagString(cmd, 'max-unavailable');
  const invalid = validate(selector, minAvailable, maxUnavailable);
  if (invalid) return fail(invalid);
  // Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/create/create_pdb.go createPodDisruptionBudgets
  const labelSelector = parseToLabelSelector(selector);
  if (labelSelector instanceof GoError) return fail(labelSelector);
  let pdb: PodDisruptionBudget = {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: cmd.args[0]!, ...(cmd.given.has('namespace') ? { namespace: cmd.namespace } : {}) },
    spec: {
      selector: labelSelector,
      ...(minAvailable
        ? { minAvailable: intstrParse(minAvailable) }
        : { maxUnavailable: intstrParse(maxUnavailable) }),
    },
    // PodDisruptionBudgetStatus's counts are not omitempty: a generated object prints them as 0.
    status: { currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 },
  };
  if (flagBool(cmd, 'save-config')) pdb = withApplyAnnotation(pdb);
  // Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/create/create_pdb.go PodDisruptionBudgetOpts.Run
  return createAndPrint(pdb, cmd, env, dryRun, printer, out, 'failed to create poddisruptionbudgets');
}

export const createPdbCommand: KubectlCommand = {
  path: ['create', 'poddisruptionbudget'],
  aliases: ['pdb'],
  flags,
  run: runCreatePdb,
};
