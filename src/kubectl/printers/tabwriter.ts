// Elastic tabstops as Go's text/tabwriter computes them, with the RememberWidths extension of
// github.com/liggitt/tabwriter that kubectl's table printer uses. Cells are tab-terminated; the text after
// a line's last tab is not part of any column and is never padded. A line without a tab flushes.
// Widths count code points (runes), as utf8.RuneCount does.

interface Cell {
  text: string;
  width: number;
  htab: boolean;
}

export interface TabWriterConfig {
  minwidth: number;
  tabwidth: number;
  padding: number;
  padchar: string;
  /** Keep the widest width seen per column across flushes (liggitt/tabwriter RememberWidths). */
  rememberWidths?: boolean;
  /** Handle empty columns terminated by vertical tabs as if they were not there. */
  discardEmptyColumns?: boolean;
}

const runeCount = (s: string): number => {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++; // count each surrogate pair once
  }
  return n;
};

// Models github.com/liggitt/tabwriter/tabwriter.go Writer
export class TabWriter {
  private lines: Cell[][] = [[]];
  private cell = '';
  private widths: number[] = [];
  private maxwidths: number[] = [];
  private out: string[] = [];

  constructor(private readonly cfg: TabWriterConfig) {}

  /** Appends text; complete lines without a tab flush everything buffered so far. */
  write(text: string): void {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch !== '\t' && ch !== '\v' && ch !== '\n' && ch !== '\f') continue;
      this.cell += text.slice(start, i);
      start = i + 1;
      const ncells = this.terminateCell(ch === '\t');
      if (ch === '\n' || ch === '\f') {
        this.lines.push([]);
        if (ch === '\f' || ncells === 1) this.flush();
      }
    }
    this.cell += text.slice(start);
  }

  /** Formats and emits everything buffered (the last, unterminated line is emitted without a newline). */
  flush(): void {
    if (this.cell.length > 0) this.terminateCell(false);
    this.format(0, this.lines.length);
    this.lines = [[]];
    this.cell = '';
    this.widths = [];
  }

  /** Output produced so far by flushes, cleared on read. */
  take(): string {
    const s = this.out.join('');
    this.out = [];
    return s;
  }

  rememberedWidths(): number[] {
    return [...this.maxwidths];
  }

  setRememberedWidths(widths: number[]): void {
    this.maxwidths = [...widths];
  }

  private terminateCell(htab: boolean): number {
    const line = this.lines[this.lines.length - 1]!;
    line.push({ text: this.cell, width: runeCount(this.cell), htab });
    this.cell = '';
    return line.length;
  }

  // Models github.com/liggitt/tabwriter/tabwriter.go Writer.writePadding
  private pad(textw: number, cellw: number): void {
    if (this.cfg.padchar === '\t') {
      if (this.cfg.tabwidth === 0) return;
      const w = Math.ceil(cellw / this.cfg.tabwidth) * this.cfg.tabwidth;
      this.out.push('\t'.repeat(Math.ceil((w - textw) / this.cfg.tabwidth)));
      return;
    }
    const n = cellw - textw;
    if (n > 0) this.out.push(this.cfg.padchar.repeat(n));
  }

  // Models github.com/liggitt/tabwriter/tabwriter.go Writer.writeLines
  private writeLines(line0: number, line1: number): void {
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i]!;
      line.forEach((c, j) => {
        if (c.text.length > 0) this.out.push(c.text);
        if (j < this.widths.length) this.pad(c.width, this.widths[j]!);
      });
      if (i + 1 === this.lines.length) this.out.push(this.cell);
      else this.out.push('\n');
    }
  }

  // Models github.com/liggitt/tabwriter/tabwriter.go Writer.format
  private format(line0: number, line1: number): void {
    const column = this.widths.length;
    for (let t = line0; t < line1; t++) {
      if (column >= this.lines[t]!.length - 1) continue;
      this.writeLines(line0, t);
      line0 = t;
      let width = this.cfg.minwidth;
      let discardable = true;
      for (; t < line1; t++) {
        const line = this.lines[t]!;
        if (column >= line.length - 1) break;
        const c = line[column]!;
        width = Math.max(width, c.width + this.cfg.padding);
        if (c.width > 0 || c.htab) discardable = false;
      }
      if (discardable && this.cfg.discardEmptyColumns) width = 0;
      if (this.cfg.rememberWidths) {
        const depth = this.widths.length;
        if (this.maxwidths.length < depth) this.maxwidths.push(...this.widths.slice(this.maxwidths.length));
        if (this.maxwidths.length === depth) this.maxwidths.push(width);
        else if (this.maxwidths[depth]! > width) width = this.maxwidths[depth]!;
        else this.maxwidths[depth] = width;
      }
      this.widths.push(width);
      this.format(line0, t);
      this.widths.pop();
      line0 = t;
    }
    this.writeLines(line0, line1);
  }
}

// Models kubernetes/staging/src/k8s.io/cli-runtime/pkg/printers/tabwriter.go GetNewTabWriter
/** The tabwriter kubectl's table printers write through. */
export function newTableTabWriter(): TabWriter {
  return new TabWriter({ minwidth: 6, tabwidth: 4, padding: 3, padchar: ' ', rememberWidths: true });
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/describe/describe.go tabbedString
/** The tabwriter `kubectl describe` writes through. */
export function newDescribeTabWriter(): TabWriter {
  return new TabWriter({ minwidth: 0, tabwidth: 8, padding: 2, padchar: ' ' });
}

/** Formats a whole text at once. */
export function tabulate(text: string, tw: TabWriter = newTableTabWriter()): string {
  tw.write(text);
  tw.flush();
  return tw.take();
}
