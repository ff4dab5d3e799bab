// The error a printer returns from PrintObj: kubectl prints `error: <message>`; `stdout` is what the printer
// had already written (a template's partial output and its debugging lines).
export class PrinterError extends Error {
  constructor(
    message: string,
    readonly stdout = '',
  ) {
    super(message);
  }
}
