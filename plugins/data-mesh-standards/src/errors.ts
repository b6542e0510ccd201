import { InputError } from '@backstage/errors';

/**
 * A file that cannot be read as a standard: not YAML or JSON, not one of the
 * standards, or without the fields the conversion needs. Names the file and,
 * when known, the position (1-based line and column).
 * @public
 */
export class StandardFileError extends InputError {
  /** The file, as its path was given. */
  readonly file: string;
  /** 1-based line of the problem, when known. */
  readonly line?: number;
  /** 1-based column of the problem, when known. */
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
