// Go's text/template execution over JSON-decoded data (map[string]interface {}, []interface {}, float64,
// string, bool, nil), with text/template's error texts and kubectl's functions (exists, base64decode).
import { goPrint, utf8Decode, utf8Encode, type Typed } from '../gofmt.ts';
import { FuncError, builtins, type ParamType } from './funcs.ts';
import {
  BREAK,
  CONTINUE,
  INVALID,
  MISSING,
  boxed,
  iface,
  indirect,
  indirectInterface,
  isMissing,
  isTrue,
  kindOf,
  numOf,
  truth,
  typeName,
  val,
  type Value,
} from './value.ts';

export { INVALID, type Value } from './value.ts';
export { builtinNames } from './funcs.ts';

export class ExecError extends Error {}
import {
  nodeString,
  type AnyNode,
  type ArgNode,
  type ControlNode,
  type ListNode,
  type Node,
  type NumberNode,
  type PipeNode,
  type TemplateNode,
} from './parse.ts';

interface Variable {
  name: string;
  value: Value;
}

export interface ExecOptions {
  /** missingkey=default (kubectl's --allow-missing-template-keys) or missingkey=error. */
  missingKeyError: boolean;
  /** Templates defined with {{define}} or {{block}}. */
  defined: ReadonlyMap<string, ListNode>;
}

// Models golang text/template exec.go state
export class State {
  private node: AnyNode | undefined;
  private vars: Variable[];
  private depth = 0;

  constructor(
    private readonly name: string,
    private readonly text: string,
    private readonly out: string[],
    private readonly opts: ExecOptions,
    root: Value,
  ) {
    this.vars = [{ name: '$', value: root }];
  }

  private at(n: AnyNode): void {
    this.node = n;
  }

  private errorf(msg: string): never {
    if (!this.node) throw new ExecError(`template: ${this.name}: ${msg}`);
    const pos = this.node.pos;
    const enc = utf8Encode(this.text);
    const before = utf8Decode(enc.slice(0, pos));
    const nl = before.lastIndexOf('\n');
    const col = nl < 0 ? pos : pos - utf8Encode(before.slice(0, nl + 1)).length;
    const line = 1 + (before.match(/\n/g) ?? []).length;
    throw new ExecError(
      `template: ${this.name}:${line}:${col}: executing "${this.name}" at <${nodeString(this.node)}>: ${msg}`,
    );
  }

  private varValue(name: string): Value {
    for (let i = this.vars.length - 1; i >= 0; i--)
      if (this.vars[i]!.name === name) return this.vars[i]!.value;
    this.errorf(`undefined variable: ${name}`);
  }

  private setVar(name: string, value: Value): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i]!.name === name) {
        this.vars[i]!.value = value;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }

  // Models golang text/template exec.go state.walk
  walk(dot: Value, node: Node): void {
    this.at(node);
    switch (node.type) {
      case 'action': {
        const v = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) this.printValue(node, v);
        return;
      }
      case 'break':
        throw BREAK;
      case 'continue':
        throw CONTINUE;
      case 'comment':
        return;
      case 'if':
      case 'with': {
        const mark = this.vars.length;
        const v = this.evalPipeline(dot, node.pipe);
        const [t, ok] = isTrue(indirectInterface(v));
        if (!ok) this.errorf(`if/with can't use ${goPrint(iface(v))}`);
        if (t) this.walk(node.type === 'with' ? v : dot, node.list);
        else if (node.elseList) this.walk(dot, node.elseList);
        this.vars.length = mark;
        return;
      }
      case 'list':
        for (const n of node.nodes) this.walk(dot, n);
        return;
      case 'range':
        this.walkRange(dot, node);
        return;
      case 'template':
        this.walkTemplate(dot, node);
        return;
      case 'text':
        this.out.push(node.text);
        return;
      default:
        this.errorf(`unknown node: ${nodeString(node)}`);
    }
  }

  // Models golang text/template exec.go state.walkRange
  private walkRange(dot: Value, r: ControlNode): void {
    this.at(r);
    const mark0 = this.vars.length;
    const [v] = indirect(this.evalPipeline(dot, r.pipe));
    const mark = this.vars.length;
    const decl = r.pipe.decl;
    const one = (key: Value, elem: Value): boolean => {
      if (decl.length > 0) {
        if (r.pipe.isAssign) this.setVar(decl[0]!.ident[0]!, decl.length > 1 ? key : elem);
        else this.vars[this.vars.length - 1]!.value = elem;
      }
      if (decl.length > 1) {
        if (r.pipe.isAssign) this.setVar(decl[1]!.ident[0]!, elem);
        else this.vars[this.vars.length - 2]!.value = key;
      }
      try {
        this.walk(elem, r.list);
      } catch (e) {
        if (e === BREAK) return false;
        if (e !== CONTINUE) throw e;
      } finally {
        this.vars.length = mark;
      }
      return true;
    };
    const k = kindOf(v);
    let iterated = false;
    if (k === 'slice' && (v as { v: unknown[] }).v.length > 0) {
      const arr = (v as { v: unknown[] }).v;
      for (let i = 0; i < arr.length; i++)
        if (!one(val({ goType: 'int', value: i } satisfies Typed), boxed(arr[i]))) break;
      iterated = true;
    } else if (k === 'map' && Object.keys((v as { v: object }).v).length > 0) {
      const m = (v as { v: Record<string, unknown> }).v;
      for (const key of Object.keys(m).sort()) if (!one(val(key), boxed(m[key]))) break;
      iterated = true;
    } else if (k === 'int' && numOf(v) > 0) {
      for (let i = 0; i < numOf(v); i++) {
        const n = val({ goType: 'int', value: i } satisfies Typed);
        if (!one(n, n)) break;
      }
      iterated = true;
    } else if (k !== 'slice' && k !== 'map' && k !== 'invalid' && k !== 'int') {
      this.errorf(`range can't iterate over ${goPrint(iface(v))}`);
    }
    if (!iterated && r.elseList) this.walk(dot, r.elseList);
    this.vars.length = mark0;
  }

  private walkTemplate(dot: Value, t: TemplateNode): void {
    this.at(t);
    const tmpl = this.opts.defined.get(t.name);
    if (!tmpl) this.errorf(`template ${JSON.stringify(t.name)} not defined`);
    if (this.depth >= 100000) this.errorf('exceeded maximum template depth (100000)');
    const d = t.pipe ? this.evalPipeline(dot, t.pipe) : INVALID;
    const sub = new State(t.name, this.text, this.out, this.opts, d);
    sub.depth = this.depth + 1;
    sub.walk(d, tmpl);
  }

  // Models golang text/template exec.go state.evalPipeline
  private evalPipeline(dot: Value, pipe: PipeNode): Value {
    this.at(pipe);
    let value: Value = MISSING;
    for (const cmd of pipe.cmds) {
      value = this.evalCommand(dot, cmd, value);
      if (!value.invalid && value.boxed) value = val(value.v);
    }
    for (const variable of pipe.decl) {
      if (pipe.isAssign) this.setVar(variable.ident[0]!, value);
      else this.vars.push({ name: variable.ident[0]!, value });
    }
    return value;
  }

  private notAFunction(args: ArgNode[], final: Value): void {
    if (args.length > 1 || !isMissing(final))
      this.errorf(`can't give argument to non-function ${nodeString(args[0]!)}`);
  }

  // Models golang text/template exec.go state.evalCommand
  private evalCommand(
    dot: Value,
    cmd: { args: ArgNode[]; pos: number; type: 'command' },
    final: Value,
  ): Value {
    const first = cmd.args[0]!;
    switch (first.type) {
      case 'field':
        this.at(first);
        return this.evalFieldChain(dot, dot, first, first.ident, cmd.args, final);
      case 'chain': {
        this.at(first);
        if (first.node.type === 'nil')
          this.errorf(`indirection through explicit nil in ${nodeString(first)}`);
        const pipe = this.evalArg(dot, 'untyped', first.node);
        return this.evalFieldChain(dot, pipe, first, first.field, cmd.args, final);
      }
      case 'identifier':
        return this.evalFunction(dot, first.ident, first, cmd, cmd.args, final);
      case 'pipe':
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, first);
      case 'variable':
        return this.evalVariableNode(dot, first, cmd.args, final);
    }
    this.at(first);
    this.notAFunction(cmd.args, final);
    switch (first.type) {
      case 'bool':
        return val(first.value);
      case 'dot':
        return dot;
      case 'nil':
        return this.errorf('nil is not a command');
      case 'number':
        return this.idealConstant(first);
      case 'string':
        return val(first.text);
    }
  }

  private idealConstant(n: NumberNode): Value {
    this.at(n);
    if (n.isFloat && !/^[+-]?0[xX]/.test(n.text) && !n.text.startsWith("'") && /[.eEpP]/.test(n.text))
      return val({ goType: 'float64', value: n.float } satisfies Typed);
    if (n.isInt) return val({ goType: 'int', value: n.int } satisfies Typed);
    this.errorf(`${n.text} overflows int`);
  }

  private evalVariableNode(
    dot: Value,
    v: Extract<ArgNode, { type: 'variable' }>,
    args: ArgNode[] | undefined,
    final: Value,
  ): Value {
    this.at(v);
    const value = this.varValue(v.ident[0]!);
    if (v.ident.length === 1) {
      this.notAFunction(args ?? [v], final);
      return value;
    }
    return this.evalFieldChain(dot, value, v, v.ident.slice(1), args, final);
  }

  private evalFieldChain(
    _dot: Value,
    receiver: Value,
    node: AnyNode,
    ident: string[],
    args: ArgNode[] | undefined,
    final: Value,
  ): Value {
    const n = ident.length;
    for (let i = 0; i < n - 1; i++) receiver = this.evalField(ident[i]!, node, undefined, MISSING, receiver);
    return this.evalField(ident[n - 1]!, node, args, final, receiver);
  }

  // Models golang text/template exec.go state.evalField (maps only: the data holds no structs or methods)
  private evalField(
    fieldName: string,
    node: AnyNode,
    args: ArgNode[] | undefined,
    final: Value,
    receiver: Value,
  ): Value {
    void node;
    if (receiver.invalid) {
      if (this.opts.missingKeyError) this.errorf(`nil data; no entry for key ${JSON.stringify(fieldName)}`);
      return INVALID;
    }
    const typ = typeName(receiver);
    const [r, isNil] = indirect(receiver);
    if (kindOf(receiver) === 'interface' && isNil) this.errorf(`nil pointer evaluating ${typ}.${fieldName}`);
    const hasArgs = (args?.length ?? 0) > 1 || !isMissing(final);
    if (kindOf(r) === 'map') {
      if (hasArgs) this.errorf(`${fieldName} is not a method but has arguments`);
      const m = (r as { v: Record<string, unknown> }).v;
      if (Object.prototype.hasOwnProperty.call(m, fieldName)) return boxed(m[fieldName]);
      if (this.opts.missingKeyError) this.errorf(`map has no entry for key ${JSON.stringify(fieldName)}`);
      return INVALID;
    }
    this.errorf(`can't evaluate field ${fieldName} in type ${typ}`);
  }

  // Models golang text/template exec.go state.evalFunction and evalCall (for builtins)
  private evalFunction(
    dot: Value,
    name: string,
    ident: AnyNode,
    node: AnyNode,
    args: ArgNode[] | undefined,
    final: Value,
  ): Value {
    this.at(ident);
    const fn = builtins[name];
    if (!fn) this.errorf(`${JSON.stringify(name)} is not a defined function`);
    const rest = args ? args.slice(1) : [];
    const numIn = rest.length + (isMissing(final) ? 0 : 1);
    const numFixed = fn.variadic ? fn.fixed.length : rest.length;
    if (fn.variadic) {
      if (numIn < numFixed)
        this.errorf(`wrong number of args for ${name}: want at least ${fn.fixed.length} got ${rest.length}`);
    } else if (numIn !== fn.fixed.length) {
      this.errorf(`wrong number of args for ${name}: want ${fn.fixed.length} got ${numIn}`);
    }
    if (name === 'and' || name === 'or') {
      let v: Value = INVALID;
      for (const a of rest) {
        v = this.evalArg(dot, 'value', a);
        if (truth(v) === (name === 'or')) return v;
      }
      if (!isMissing(final)) v = final;
      return v;
    }
    const argv: Value[] = [];
    let i = 0;
    for (; i < numFixed && i < rest.length; i++) argv.push(this.evalArg(dot, fn.fixed[i]!, rest[i]!));
    if (fn.variadic) for (; i < rest.length; i++) argv.push(this.evalArg(dot, fn.variadic, rest[i]!));
    if (!isMissing(final)) {
      const t = fn.variadic && numIn - 1 >= numFixed ? fn.variadic : (fn.fixed[numIn - 1] ?? 'any');
      argv.push(this.validateType(final, t));
    }
    try {
      return fn.call(argv);
    } catch (e) {
      if (e instanceof FuncError) {
        this.at(node);
        this.errorf(`error calling ${name}: ${e.message}`);
      }
      throw e;
    }
  }

  private validateType(value: Value, typ: ParamType): Value {
    if (value.invalid) {
      if (typ === 'string') this.errorf('invalid value; expected string');
      return typ === 'any' ? boxed(null) : INVALID;
    }
    if (typ === 'untyped') return value;
    if (typ === 'string') {
      const inner = value.boxed ? indirectInterface(value) : value;
      if (inner.invalid || typeof inner.v !== 'string')
        this.errorf(
          `wrong type for value; expected string; got ${inner.invalid ? typeName(value) : typeName(inner)}`,
        );
      return inner;
    }
    return value;
  }

  // Models golang text/template exec.go state.evalArg
  private evalArg(dot: Value, typ: ParamType, n: ArgNode): Value {
    this.at(n);
    switch (n.type) {
      case 'dot':
        return this.validateType(dot, typ);
      case 'nil':
        if (typ === 'untyped') this.errorf("evalEmptyInterface: nil (can't happen)");
        if (typ !== 'string') return typ === 'any' ? boxed(null) : INVALID;
        return this.errorf('cannot assign nil to string');
      case 'field':
        return this.validateType(this.evalFieldChain(dot, dot, n, n.ident, [n], MISSING), typ);
      case 'variable':
        return this.validateType(this.evalVariableNode(dot, n, undefined, MISSING), typ);
      case 'pipe':
        return this.validateType(this.evalPipeline(dot, n), typ);
      case 'identifier':
        return this.validateType(this.evalFunction(dot, n.ident, n, n, undefined, MISSING), typ);
      case 'chain': {
        if (n.node.type === 'nil') this.errorf(`indirection through explicit nil in ${nodeString(n)}`);
        const pipe = this.evalArg(dot, 'untyped', n.node);
        return this.validateType(this.evalFieldChain(dot, pipe, n, n.field, undefined, MISSING), typ);
      }
    }
    if (typ === 'string') {
      if (n.type === 'string') return val(n.text);
      this.errorf(`expected string; found ${nodeString(n)}`);
    }
    switch (n.type) {
      case 'bool':
        return val(n.value);
      case 'number':
        return this.idealConstant(n);
      case 'string':
        return val(n.text);
    }
  }

  // Models golang text/template exec.go state.printValue
  private printValue(n: AnyNode, v: Value): void {
    this.at(n);
    this.out.push(v.invalid ? '<no value>' : goPrint(iface(v)));
  }
}
