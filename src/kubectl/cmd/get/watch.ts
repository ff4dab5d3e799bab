// `kubectl get -w`: prints the current objects, then one row (or object) per watch event until interrupted.
import {
  deepCopy,
  selectorMatches,
  type Cluster,
  type KubeObject,
  type ResourceInfo,
  type Selector,
  type WatchEvent,
} from '../../../engine/index.ts';
import { updateOf, type OutputChunk, type Process, type ProcessUpdate } from '../../process.ts';
import { buildTable } from '../../printers/index.ts';
import { HumanReadablePrinter, type PrintOptions } from '../../printers/table-printer.ts';
import { newTableTabWriter } from '../../printers/tabwriter.ts';
import type { OutputMode } from './printflags.ts';
import { PrinterError } from '../../printers/errors.ts';

export interface WatchOptions {
  cluster: Cluster;
  resource: ResourceInfo;
  /** Namespace to watch; undefined watches all namespaces (or a cluster-scoped kind). */
  namespace?: string;
  selector?: Selector;
  fieldMatch?: (obj: KubeObject) => boolean;
  /** Watching one named object. */
  name?: string;
  initial: readonly KubeObject[];
  mode: OutputMode;
  printOptions: PrintOptions;
  watchOnly: boolean;
  outputWatchEvents: boolean;
  /** Output already due (the --sort-by warning, apiserver warnings). */
  chunks?: OutputChunk[];
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/get/get.go GetOptions.watch
export class GetWatchProcess implements Process {
  private pending: OutputChunk[];
  private done = false;
  private exitCode = 1;
  private unsubscribe: () => void;
  private readonly writer = newTableTabWriter();
  private readonly table?: HumanReadablePrinter;
  private printed = 0;

  constructor(private readonly o: WatchOptions) {
    this.pending = [...(o.chunks ?? [])];
    if (o.mode.human) this.table = new HumanReadablePrinter(o.printOptions);
    this.unsubscribe = () => undefined;
    if (!o.watchOnly) {
      if (o.mode.human) this.printRows(o.initial);
      else {
        for (const obj of o.initial) {
          const err = this.printObject(obj, 'ADDED');
          if (err) {
            // The current objects failed to print: the command fails before watching.
            this.pending.push({ fd: 2, text: `error: unable to output the provided object: ${err}\n` });
            this.done = true;
            return;
          }
        }
      }
    }
    this.unsubscribe = o.cluster.api.watch(o.resource.kind, (e) => this.onEvent(e));
  }

  private matches(obj: KubeObject | undefined): boolean {
    if (!obj) return false;
    const m = obj.metadata;
    if (this.o.namespace !== undefined && this.o.resource.namespaced && m?.namespace !== this.o.namespace)
      return false;
    if (this.o.name !== undefined && m?.name !== this.o.name) return false;
    if (this.o.selector && !selectorMatches(this.o.selector, m?.labels)) return false;
    if (this.o.fieldMatch && !this.o.fieldMatch(obj)) return false;
    return true;
  }

  private onEvent(e: WatchEvent): void {
    if (this.done) return;
    const now = this.matches(e.object);
    const before = e.type !== 'ADDED' && this.matches(e.old);
    let type: string = e.type;
    if (e.type === 'MODIFIED' && now && !before) type = 'ADDED';
    else if (e.type === 'MODIFIED' && !now && before) type = 'DELETED';
    else if (!now) return;
    if (this.o.mode.human) this.printRows([e.object], type);
    else if (this.printObject(e.object, type) !== undefined) {
      // A failed print ends the watch; kubectl drops that error and exits 0.
      this.done = true;
      this.exitCode = 0;
      this.unsubscribe();
    }
  }

  private printRows(objs: readonly KubeObject[], eventType?: string): void {
    const table = buildTable(this.o.resource.kind, objs, this.o.cluster.now());
    this.table!.printObj(table, this.writer, this.o.outputWatchEvents ? (eventType ?? 'ADDED') : undefined);
    this.writer.flush();
    this.write(this.writer.take());
  }

  /** Prints one object; returns the printer's error message when it fails (after what it wrote). */
  private printObject(obj: KubeObject, eventType: string): string | undefined {
    if (this.o.mode.human) return undefined;
    const copy = deepCopy(obj) as KubeObject & { metadata?: { managedFields?: unknown } };
    if (copy.metadata) delete copy.metadata.managedFields;
    let text: string;
    try {
      if (this.o.outputWatchEvents && (this.o.mode.name === 'json' || this.o.mode.name === 'yaml')) {
        text = this.o.mode.print({ type: eventType, object: copy } as unknown as KubeObject);
      } else {
        text = this.o.mode.print(copy);
      }
    } catch (e) {
      if (!(e instanceof PrinterError)) throw e;
      this.write(e.stdout);
      return e.message;
    }
    // Models kubernetes/staging/src/k8s.io/cli-runtime/pkg/printers/yaml.go YAMLPrinter.PrintObj (document separators)
    if (this.o.mode.name === 'yaml' && this.printed > 0) text = `---\n${text}`;
    this.printed++;
    this.write(text);
    return undefined;
  }

  private write(text: string): void {
    if (text) this.pending.push({ fd: 1, text });
  }

  poll(): ProcessUpdate {
    return updateOf(this.pending.splice(0), this.done, this.done ? this.exitCode : 0);
  }

  /** kubectl's interrupt handler (interrupt.New with no final func) exits 1 after cancelling the watch. */
  interrupt(): ProcessUpdate {
    if (!this.done) {
      this.done = true;
      this.exitCode = 1;
      this.unsubscribe();
    }
    return this.poll();
  }
}
