/**
 * The one error type the domain throws. `code` is stable for programs, `message` is Chinese for people
 * (the primary audience), `messageEn` is there for the English UI.
 */
export type DomainErrorCode =
  | 'invalid_date'
  | 'invalid_period'
  | 'invalid_unit'
  | 'incompatible_units'
  | 'invalid_value'
  | 'invalid_pacing'
  | 'invalid_target';

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly messageEn: string;

  constructor(code: DomainErrorCode, message: string, messageEn: string) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.messageEn = messageEn;
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
