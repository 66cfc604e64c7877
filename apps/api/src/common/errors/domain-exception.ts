/** Business error codes; `HttpErrorFilter` maps each to an HTTP status. */
export type DomainErrorCode =
  | 'BAD_INPUT'
  | 'NOT_FOUND'
  | 'VERSION_CONFLICT'
  | 'DUPLICATE'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'INVALID_STATE';

/** Thrown by services; never carries internals, its message is shown to the user. */
export class DomainException extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DomainException';
  }

  static notFound(what: string): DomainException {
    return new DomainException('NOT_FOUND', `${what} introuvable.`);
  }

  static versionConflict(): DomainException {
    return new DomainException(
      'VERSION_CONFLICT',
      'Cet enregistrement a été modifié entre-temps : rechargez-le avant de le modifier.',
    );
  }
}
