// An in-memory apiserver: typed object storage with metadata, defaulting, validation, graceful pod deletion,
// and synchronous watch fan-out. Readers must treat returned objects as immutable (deepCopy before changing).
import type { KubeObject, Stored } from '../api/types.ts';
import { resourceForKind, resourceWithGroup, apiVersionOf } from '../api/registry.ts';
import type { VirtualClock } from '../clock/clock.ts';
import type { Rand } from '../rand/rand.ts';
import { formatRFC3339 } from '../apimachinery/time.ts';
import { selectorMatches, type Selector } from '../apimachinery/labels.ts';
import { deepCopy, deepEqual } from '../util/copy.ts';
import { ApiError, alreadyExists, invalid, notFound, type Result } from './errors.ts';
import type { Strategy, StrategyContext } from './strategy.ts';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface WatchEvent<T extends KubeObject = KubeObject> {
  type: WatchEventType;
  object: Stored<T>;
  /** The object before this change (MODIFIED and DELETED). */
  old?: Stored<T>;
}

export type WatchHandler<T extends KubeObject = KubeObject> = (e: WatchEvent<T>) => void;

export interface WriteOptions {
  dryRun?: boolean;
}

export interface DeleteOptions extends WriteOptions {
  /** Overrides the pod's terminationGracePeriodSeconds; 0 deletes at once. */
  gracePeriodSeconds?: number;
}

const key = (ns: string | undefined, name: string) => (ns ? `${ns}/${name}` : name);

export class ApiServer {
  private readonly stores = new Map<string, Map<string, Stored<KubeObject>>>();
  private readonly owned = new Map<string, Set<Stored<KubeObject>>>();
  /** Per kind, the objects in key order and their keys (built on the first list, then kept up to date). */
  private readonly sorted = new Map<string, { keys: string[]; objs: Stored<KubeObject>[] }>();
  private readonly watchers = new Map<string, WatchHandler[]>();
  private readonly strategies = new Map<string, Strategy>();
  private rv = 1000;
  private readonly ctx: StrategyContext;

  constructor(
    private readonly clock: VirtualClock,
    private readonly rand: Rand,
  ) {
    this.ctx = { randString: (n) => rand.string(n), now: () => clock.now() };
  }

  registerStrategy<T extends KubeObject>(kind: string, s: Strategy<T>): void {
    this.strategies.set(kind, s);
  }

  /** Subscribes to changes of one kind ('*' for all). Returns the unsubscribe function. */
  watch<T extends KubeObject = KubeObject>(kind: string, handler: WatchHandler<T>): () => void {
    const list = this.watchers.get(kind) ?? [];
    list.push(handler as WatchHandler);
    this.watchers.set(kind, list);
    return () => {
      const l = this.watchers.get(kind);
      if (l) l.splice(l.indexOf(handler as WatchHandler), 1);
    };
  }

  get<T extends KubeObject>(
    kind: string,
    namespace: string | undefined,
    name: string,
  ): Stored<T> | undefined {
    return this.stores.get(kind)?.get(this.key(this.ns(kind, namespace), name)) as Stored<T> | undefined;
  }

  /** Objects of a kind, in etcd key order (namespace, then name), optionally filtered. */
  list<T extends KubeObject>(kind: string, namespace?: string, selector?: Selector): Stored<T>[] {
    const sorted = this.sortedList(kind);
    if (namespace === undefined && !selector) return sorted.slice() as Stored<T>[];
    const out: Stored<T>[] = [];
    for (const o of sorted) {
      if (namespace !== undefined && o.metadata.namespace !== namespace) continue;
      if (selector && !selectorMatches(selector, o.metadata.labels)) continue;
      out.push(o as Stored<T>);
    }
    return out;
  }

  private sortedList(kind: string): Stored<KubeObject>[] {
    const cached = this.sorted.get(kind);
    if (cached) return cached.objs;
    const store = this.stores.get(kind);
    const keys = store ? [...store.keys()].sort() : [];
    const objs = keys.map((k) => store!.get(k)!);
    this.sorted.set(kind, { keys, objs });
    return objs;
  }

  /** Index of `k` in sorted `keys`, or of where it would go. */
  private static lowerBound(keys: readonly string[], k: string): number {
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keys[mid]! < k) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Objects of a kind whose ownerReferences name `ownerUid` (an index, not a scan). Unordered. */
  listOwnedBy<T extends KubeObject>(kind: string, ownerUid: string): Stored<T>[] {
    const set = this.owned.get(ownerUid);
    if (!set) return [];
    const out: Stored<T>[] = [];
    for (const o of set) if (o.kind === kind) out.push(o as Stored<T>);
    return out;
  }

  /** Calls `fn` for each object of a kind whose ownerReferences name `ownerUid`, as listOwnedBy lists them. */
  forEachOwnedBy<T extends KubeObject>(kind: string, ownerUid: string, fn: (o: Stored<T>) => void): void {
    const set = this.owned.get(ownerUid);
    if (!set) return;
    set.forEach((o) => {
      if (o.kind === kind) fn(o as Stored<T>);
    });
  }

  count(kind: string): number {
    return this.stores.get(kind)?.size ?? 0;
  }

  create<T extends KubeObject>(input: T, opts: WriteOptions = {}): Result<Stored<T>> {
    // An unknown kind is refused before anything is copied (createOwned does not touch it then).
    if (!resourceForKind(input.kind ?? '')) return this.createOwned(input, opts);
    return this.createOwned(deepCopy(input), opts);
  }

  /**
   * `create` for an object the caller has just built for this call and hands over: it is stored as it is
   * (after defaulting), without a copy. The caller must not keep or touch it afterwards.
   */
  createOwned<T extends KubeObject>(obj: T, opts: WriteOptions = {}): Result<Stored<T>> {
    const kind = obj.kind ?? '';
    const info = resourceForKind(kind);
    if (!info)
      return [
        null,
        new ApiError('BadRequest', 400, `no matches for kind "${kind}" in version "${obj.apiVersion ?? ''}"`),
      ];
    const stored = obj as Stored<T>;
    stored.apiVersion = apiVersionOf(info);
    const meta = (stored.metadata ??= {} as Stored<T>['metadata']);
    if (info.namespaced) {
      meta.namespace ??= 'default';
      // Models the NamespaceLifecycle admission plugin (only when the cluster models namespaces at all).
      if (this.count('Namespace') > 0 && !this.get('Namespace', undefined, meta.namespace)) {
        return [null, notFound('namespaces', meta.namespace)];
      }
    } else delete meta.namespace;
    if (!meta.name && meta.generateName) {
      // Models kubernetes/staging/src/k8s.io/apiserver/pkg/storage/names/generate.go GenerateName
      let name = '';
      do name = `${meta.generateName}${this.rand.string(5)}`;
      while (this.get(kind, meta.namespace, name));
      meta.name = name;
    }
    if (!meta.name) {
      return [
        null,
        invalid(kind, info.group, '', [
          { type: 'Required', field: 'metadata.name', detail: 'name or generateName is required' },
        ]),
      ];
    }
    const strategy = this.strategies.get(kind);
    const perrs = strategy?.prepareForCreate?.(stored, this.ctx) ?? [];
    const errs = perrs.length > 0 ? perrs : (strategy?.validate?.(stored) ?? []);
    if (errs.length > 0) {
      if (perrs.length === 0) strategy?.release?.(stored);
      return [null, invalid(kind, info.group, meta.name, errs)];
    }
    if (this.get(kind, meta.namespace, meta.name)) {
      strategy?.release?.(stored);
      return [null, alreadyExists(resourceWithGroup(kind), meta.name)];
    }
    if (opts.dryRun) {
      strategy?.release?.(stored);
      return [stored, null];
    }
    meta.uid = this.rand.uuid();
    meta.creationTimestamp = formatRFC3339(this.clock.now());
    if (strategy?.generation) meta.generation = 1;
    meta.resourceVersion = String(++this.rv);
    this.put(kind, stored);
    this.emit({ type: 'ADDED', object: stored });
    return [stored, null];
  }

  /**
   * Replaces an object. With `status: true` only `.status` is taken from the input (the status subresource);
   * otherwise `.status` is kept from the stored object for kinds with a generation, as the main resource does.
   */
  update<T extends KubeObject>(input: T, opts: WriteOptions & { status?: boolean } = {}): Result<Stored<T>> {
    return this.replace(input, opts, false);
  }

  /**
   * `update` (main resource) of an object the caller has just built for this call and hands over: its
   * top-level object and .metadata must be new; other nested values may be shared with stored (immutable)
   * objects unless the kind's strategy defaults them on update (apps kinds: pass wholly new objects).
   * It is stored without a copy; the caller must not keep or touch it afterwards.
   */
  updateOwned<T extends KubeObject>(input: T, opts: WriteOptions = {}): Result<Stored<T>> {
    return this.replace(input, opts, true);
  }

  private replace<T extends KubeObject>(
    input: T,
    opts: WriteOptions & { status?: boolean },
    owned: boolean,
  ): Result<Stored<T>> {
    const kind = input.kind ?? '';
    const info = resourceForKind(kind);
    const name = input.metadata?.name ?? '';
    const old = this.get<T>(kind, input.metadata?.namespace, name);
    if (!info || !old) return [null, notFound(resourceWithGroup(kind), name)];
    const strategy = this.strategies.get(kind);
    // Models k8s.io/apiserver/pkg/registry/generic/registry/store.go Store.Update (shouldDeleteDuringUpdate): an
    // update that removes the last finalizer of an object marked for deletion deletes it.
    if (
      !opts.status &&
      !opts.dryRun &&
      old.metadata.deletionTimestamp &&
      old.metadata.deletionGracePeriodSeconds === 0 &&
      (old.metadata.finalizers ?? []).length > 0 &&
      (input.metadata?.finalizers ?? []).length === 0
    )
      return this.removeNow(kind, old) as Result<Stored<T>>;
    let obj: Stored<T>;
    if (opts.status) {
      // The status subresource: everything but .status is the stored object's (shared, as stored objects are
      // never mutated). The caller hands over its .status and must not touch it afterwards.
      // Annotations travel too, as the apps status strategies keep them (the deployment controller writes the
      // revision annotation with UpdateStatus).
      const status = (input as unknown as { status?: unknown }).status;
      const annotations = input.metadata?.annotations;
      const sameAnnotations = deepEqual(annotations ?? {}, old.metadata.annotations ?? {});
      if (deepEqual(status, (old as unknown as { status?: unknown }).status) && sameAnnotations)
        return [old, null];
      if (opts.dryRun) return [old, null];
      const metadata = { ...old.metadata, resourceVersion: String(++this.rv) };
      if (!sameAnnotations) {
        if (annotations && Object.keys(annotations).length > 0) metadata.annotations = { ...annotations };
        else delete metadata.annotations;
      }
      obj = { ...old, metadata, status };
      this.put(kind, obj, old);
      this.emit({ type: 'MODIFIED', object: obj, old });
      return [obj, null];
    } else {
      obj = (owned ? input : deepCopy(input)) as Stored<T>;
      obj.apiVersion = old.apiVersion;
      const meta = (obj.metadata ??= {} as Stored<T>['metadata']);
      meta.namespace = old.metadata.namespace;
      meta.uid = old.metadata.uid;
      meta.creationTimestamp = old.metadata.creationTimestamp;
      if (old.metadata.deletionTimestamp) meta.deletionTimestamp = old.metadata.deletionTimestamp;
      if (old.metadata.deletionGracePeriodSeconds !== undefined)
        meta.deletionGracePeriodSeconds = old.metadata.deletionGracePeriodSeconds;
      if (strategy?.generation) {
        (obj as unknown as { status?: unknown }).status = deepCopy(
          (old as unknown as { status?: unknown }).status,
        );
        meta.generation = old.metadata.generation ?? 1;
      }
      strategy?.prepareForUpdate?.(obj, old, this.ctx);
      const errs = [...(strategy?.validate?.(obj) ?? []), ...(strategy?.validateUpdate?.(obj, old) ?? [])];
      if (errs.length > 0) return [null, invalid(kind, info.group, name, errs)];
      if (strategy?.generation) {
        const spec = (o: unknown) => (o as { spec?: unknown }).spec;
        if (!deepEqual(spec(obj), spec(old))) meta.generation = (old.metadata.generation ?? 1) + 1;
      }
    }
    obj.metadata.resourceVersion = old.metadata.resourceVersion;
    if (deepEqual(obj, old)) return [old, null]; // a no-op write changes nothing, not even resourceVersion
    if (opts.dryRun) return [obj, null];
    obj.metadata.resourceVersion = String(++this.rv);
    this.put(kind, obj, old);
    this.emit({ type: 'MODIFIED', object: obj, old });
    return [obj, null];
  }

  /**
   * Deletes an object. A pod bound to a node and not yet finished is deleted gracefully: it gets a
   * deletionTimestamp and stays until its kubelet confirms (a second delete with gracePeriodSeconds 0).
   */
  delete(
    kind: string,
    namespace: string | undefined,
    name: string,
    opts: DeleteOptions = {},
  ): Result<Stored<KubeObject>> {
    const old = this.get(kind, namespace, name);
    if (!old) return [null, notFound(resourceWithGroup(kind), name)];
    if (opts.dryRun) return [old, null];
    // Models k8s.io/apiserver/pkg/registry/generic/registry/store.go Store.Delete
    // (updateForGracefulDeletionAndFinalizers): an object with finalizers is only marked; it goes when an update
    // removes the last one. (Pods with finalizers are not modelled: none of ours has any.)
    if (kind !== 'Pod' && (old.metadata.finalizers ?? []).length > 0) {
      if (old.metadata.deletionTimestamp) return [old, null];
      const obj = { ...old, metadata: { ...old.metadata } };
      obj.metadata.deletionTimestamp = formatRFC3339(this.clock.now());
      obj.metadata.deletionGracePeriodSeconds = 0;
      if (obj.metadata.generation !== undefined) obj.metadata.generation++;
      obj.metadata.resourceVersion = String(++this.rv);
      this.put(kind, obj, old);
      this.emit({ type: 'MODIFIED', object: obj, old });
      return [obj, null];
    }
    if (kind === 'Pod') {
      const pod = old as unknown as {
        spec?: { nodeName?: string; terminationGracePeriodSeconds?: number };
        status?: { phase?: string };
      };
      const phase = pod.status?.phase;
      // Models kubernetes/pkg/registry/core/pod/strategy.go podStrategy.CheckGracefulDeleteWithOptions
      let grace = opts.gracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
      if (!pod.spec?.nodeName || phase === 'Succeeded' || phase === 'Failed') grace = 0;
      if (grace > 0) {
        const current = old.metadata.deletionGracePeriodSeconds;
        if (old.metadata.deletionTimestamp && current !== undefined && current <= grace) return [old, null];
        // Only metadata changes; the rest is shared with the old (immutable) stored object.
        const obj = { ...old, metadata: { ...old.metadata } };
        obj.metadata.deletionTimestamp = formatRFC3339(this.clock.now() + grace * 1000);
        obj.metadata.deletionGracePeriodSeconds = grace;
        if (obj.metadata.generation !== undefined) obj.metadata.generation++;
        obj.metadata.resourceVersion = String(++this.rv);
        this.put(kind, obj, old);
        this.emit({ type: 'MODIFIED', object: obj, old });
        return [obj, null];
      }
    }
    return this.removeNow(kind, old);
  }

  /** Removes a stored object and tells the watchers (DELETED, with a new resourceVersion). */
  private removeNow(kind: string, old: Stored<KubeObject>): Result<Stored<KubeObject>> {
    this.remove(kind, old);
    this.strategies.get(kind)?.release?.(old);
    const gone = { ...old, metadata: { ...old.metadata, resourceVersion: String(++this.rv) } };
    this.emit({ type: 'DELETED', object: gone, old });
    return [gone, null];
  }

  /** Store keys already built, per namespace and name: reads do not build (and hash) a new string each time. */
  private readonly keys = new Map<string, Map<string, string>>();
  private keyCount = 0;

  private key(ns: string | undefined, name: string): string {
    if (!ns) return name;
    let byName = this.keys.get(ns);
    if (!byName) this.keys.set(ns, (byName = new Map<string, string>()));
    let k = byName.get(name);
    if (k === undefined) {
      if (++this.keyCount > 100_000) {
        this.keys.clear();
        this.keyCount = 1;
        this.keys.set(ns, (byName = new Map<string, string>()));
      }
      byName.set(name, (k = key(ns, name)));
    }
    return k;
  }

  private ns(kind: string, namespace: string | undefined): string | undefined {
    return resourceForKind(kind)?.namespaced ? (namespace ?? 'default') : undefined;
  }

  private put(kind: string, obj: Stored<KubeObject>, old?: Stored<KubeObject>): void {
    let store = this.stores.get(kind);
    if (!store) this.stores.set(kind, (store = new Map<string, Stored<KubeObject>>()));
    const k = this.key(obj.metadata.namespace, obj.metadata.name);
    const existed = store.has(k);
    store.set(k, obj);
    const sorted = this.sorted.get(kind);
    if (sorted) {
      const i = ApiServer.lowerBound(sorted.keys, k);
      if (existed) sorted.objs[i] = obj;
      else {
        sorted.keys.splice(i, 0, k);
        sorted.objs.splice(i, 0, obj);
      }
    }
    if (old) this.unindex(old);
    for (const ref of obj.metadata.ownerReferences ?? []) {
      let set = this.owned.get(ref.uid);
      if (!set) this.owned.set(ref.uid, (set = new Set()));
      set.add(obj);
    }
  }

  private remove(kind: string, obj: Stored<KubeObject>): void {
    const k = this.key(obj.metadata.namespace, obj.metadata.name);
    const store = this.stores.get(kind);
    if (store?.delete(k)) {
      const sorted = this.sorted.get(kind);
      if (sorted) {
        const i = ApiServer.lowerBound(sorted.keys, k);
        sorted.keys.splice(i, 1);
        sorted.objs.splice(i, 1);
      }
    }
    this.unindex(obj);
  }

  private unindex(obj: Stored<KubeObject>): void {
    for (const ref of obj.metadata.ownerReferences ?? []) {
      const set = this.owned.get(ref.uid);
      set?.delete(obj);
      if (set && set.size === 0) this.owned.delete(ref.uid);
    }
  }

  private emit(e: WatchEvent): void {
    for (const h of this.watchers.get(e.object.kind) ?? []) h(e);
    for (const h of this.watchers.get('*') ?? []) h(e);
  }
}
