// One list of error codes; a small class per kind. Callers branch on `code`, never on message text.
// Messages here are for operators (English, no personal data); users get texts from bot/i18n.
export const ErrorCode = {
  ConfigInvalid: "config_invalid",
  ValidationFailed: "validation_failed",
  Forbidden: "forbidden",
  NotFound: "not_found",
  UnknownUser: "unknown_user",
  UnknownTenant: "unknown_tenant",
  ImportRejected: "import_rejected",
  Conflict: "conflict",
  Internal: "internal",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export class ConfigError extends AppError {
  constructor(readonly problems: string[]) {
    super(ErrorCode.ConfigInvalid, `Invalid configuration:\n  - ${problems.join("\n  - ")}`, problems);
  }
}

export class ForbiddenError extends AppError {
  constructor(readonly reason: string) {
    super(ErrorCode.Forbidden, `Forbidden: ${reason}`);
  }
}

export class NotFoundError extends AppError {
  constructor(readonly entity: string) {
    super(ErrorCode.NotFound, `${entity} not found`);
  }
}

export class UnknownUserError extends AppError {
  constructor() {
    super(ErrorCode.UnknownUser, "The user is not on the staff list of a served school");
  }
}

export class UnknownTenantError extends AppError {
  constructor() {
    super(ErrorCode.UnknownTenant, "The tenant or workspace is not bound to a school");
  }
}

/** Wraps anything thrown into an AppError so every entry point handles one type. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new AppError(ErrorCode.Internal, message);
}
