import { InputError } from '@backstage/errors';

/**
 * A file that cannot be read as a standard: not YAML or JSON, not one of the
 * standards, or without the fields the conversion needs. Names the file and,
 * when known, the position (1-based line and column).
 * @public
 */
export class StandardFileError extends InputError {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;

  constructor(
    file: string,
    message: string,
    position?: { line: number; column: number },
  ) {
    super(
      position
        ? `${file}:${position.line}:${position.column}: ${message}`
        : `${file}: ${message}`,
    );
    this.file = file;
    this.line = position?.line;
    this.column = position?.column;
  }
}
