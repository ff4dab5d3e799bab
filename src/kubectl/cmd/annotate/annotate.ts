// `kubectl annotate TYPE NAME key=value ... [key-]`.
import type { FlagSpec, KubectlCommand } from '../../command.ts';
import { fieldManagerFlag } from '../../flags.ts';
import { GoError } from '../util/helpers.ts';
import { changeCauseAnnotation } from '../util/invocation.ts';
import { labelFlags, runMetaVerb, type MetaVerb } from '../label/label.ts';
import { parsePairs } from '../set/set-image.ts';

const flags: FlagSpec[] = labelFlags.map((f) =>
  f.name === 'field-manager' ? fieldManagerFlag('kubectl-annotate') : f,
);

const annotateVerb: MetaVerb = {
  pairType: 'annotation',
  field: 'annotations',
  // Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/annotate/annotate.go parseAnnotations
  parse: (args) => parsePairs(args, 'annotation', true),
  // Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/annotate/annotate.go validateNoAnnotationOverwrites
  noOverwrite(current, set) {
    const clashes = set
      .filter(([k, v]) => k !== changeCauseAnnotation && k in current && current[k] !== v)
      .map(([k]) => `'${k}' already has a value (${current[k]})`);
    if (clashes.length === 0) return undefined;
    return new GoError(
      `--overwrite is false but found the following declared annotation(s): ${clashes.join('; ')}`,
    );
  },
  message: () => 'annotated',
  reportMissing: false,
};

export const annotateCommand: KubectlCommand = {
  path: ['annotate'],
  flags,
  run: (cmd, env) => runMetaVerb(cmd, env, annotateVerb),
};
