/** The one error type of the functions, and its JSON shape. */
import type * as z from 'zod';
import {
  ERRORS,
  type ApiFieldIssue,
  type ErrorBody,
  type ErrorCode,
  FIELD_ISSUES,
  type FieldIssue,
  isFieldIssue,
  KIND_ISSUES,
} from '../schema/errors.ts';

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly codes?: Record<string, ApiFieldIssue>;
  readonly headers?: Record<string, string>;

  constructor(
    code: ErrorCode,
    message: string,
    extra: { codes?: Record<string, ApiFieldIssue>; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.code = code;
    this.status = ERRORS[code];
    this.codes = extra.codes;
    this.headers = extra.headers;
  }

  toBody(): ErrorBody {
    const body: ErrorBody = { error: { code: this.code, message: this.message } };
    if (this.codes) {
      body.error.codes = this.codes as Record<string, FieldIssue>;
      body.error.fields = Object.fromEntries(
        Object.entries(this.codes).map(([path, code]) => [path, { ...FIELD_ISSUES, ...KIND_ISSUES }[code]]),
      );
    }
    return body;
  }
}

/** A 422 from a zod error: the first issue of each field, as a field issue code. */
export function invalidInput(error: z.ZodError): ApiError {
  const codes: Record<string, FieldIssue> = {};
  for (const issue of error.issues) {
    const path = issue.path.join('.') || '(body)';
    if (!(path in codes)) codes[path] = isFieldIssue(issue.message) ? issue.message : 'invalid';
  }
  return new ApiError('invalid_input', 'Some fields need attention.', { codes });
}
