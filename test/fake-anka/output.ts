// How the stand-in CLI answers: with `-j` one JSON envelope per line on stdout, else text.

export interface Envelope {
  status: 'OK' | 'ERROR';
  code: number;
  body: unknown;
  message: string;
  exception_type?: string;
}

/** A failure that ends the run with an ERROR envelope and an exit code. */
export class CliFailure extends Error {
  constructor(
    message: string,
    readonly code: number,
    readonly exceptionType = 'AnkaException',
  ) {
    super(message);
  }
}

/** The documented codes this stand-in uses. */
export const EXIT = { error: 1, notFound: 3, nameTaken: 18, noRegistry: 30 } as const;

export class Output {
  constructor(readonly machineReadable: boolean) {}

  /** One JSON line (with -j) or the message (without). */
  envelope(envelope: Envelope): void {
    const line = this.machineReadable ? JSON.stringify(envelope) : envelope.message;
    if (line !== '') {
      process.stdout.write(`${line}\n`);
    }
  }

  ok(body: unknown, message = ''): void {
    this.envelope({ status: 'OK', code: 0, body, message });
  }

  failure(failure: CliFailure): void {
    this.envelope({
      status: 'ERROR',
      code: failure.code,
      body: {},
      message: failure.message,
      exception_type: failure.exceptionType,
    });
  }

  /** Progress and chatter go to stderr, as the real CLI's do. */
  progress(line: string): void {
    process.stderr.write(`${line}\n`);
  }
}
