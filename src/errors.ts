// Typed errors thrown by domain code; only src/server turns them into HTTP responses.

/** Base class: `code` is a stable machine-readable reason. */
export class RapporteurError extends Error {
  constructor(
    message: string,
    readonly code: string
  ) {
    super(message)
    this.name = new.target.name
  }
}

/** A record, paragraph or block that does not exist. */
export class NotFoundError extends RapporteurError {
  constructor(message: string) {
    super(message, 'not-found')
  }
}

/** A request that is well-formed JSON but asks for something impossible. */
export class InvalidRequestError extends RapporteurError {
  constructor(message: string) {
    super(message, 'invalid-request')
  }
}

/** A record file that cannot be parsed; carries the file name so the failure can be reported by name. */
export class RecordParseError extends RapporteurError {
  constructor(
    readonly file: string,
    readonly reason: string
  ) {
    super(`${file}: ${reason}`, 'record-unparseable')
  }
}

/** An index on disk that is missing, stale or fails its integrity checks. */
export class IndexInvalidError extends RapporteurError {
  constructor(
    message: string,
    readonly kind: 'missing' | 'stale' | 'corrupt'
  ) {
    super(message, `index-${kind}`)
  }
}

/** A word-vector cache or source that cannot be read. */
export class VectorsError extends RapporteurError {
  constructor(message: string) {
    super(message, 'vectors-unavailable')
  }
}
