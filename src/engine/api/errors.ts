import { qualifiedKind, qualifiedName, type ResourceName } from '../objects/resources';

/** An API error in the shape of Kubernetes' `Status` (code, reason, message). */
export type ApiError = {
  readonly code: number;
  readonly reason:
    | 'NotFound'
    | 'AlreadyExists'
    | 'Conflict'
    | 'Invalid'
    | 'BadRequest'
    | 'Forbidden'
    | 'MethodNotAllowed'
    | 'InternalError'
    | 'ServiceUnavailable'
    | 'Timeout'
    | 'ConnectionRefused';
  readonly message: string;
};

/** A field error, as in `spec.replicas: Invalid value: -1: must be greater than or equal to 0`. */
export type FieldError = { readonly field: string; readonly detail: string };

export type ApiResult<T> =
  { readonly ok: true; readonly object: T } | { readonly ok: false; readonly error: ApiError };

export const ok = <T>(object: T): ApiResult<T> => ({ ok: true, object });
export const fail = <T>(error: ApiError): ApiResult<T> => ({ ok: false, error });

export function notFound(resource: ResourceName, name: string): ApiError {
  return {
    code: 404,
    reason: 'NotFound',
    message: `${qualifiedName(resource)} "${name}" not found`,
  };
}

export function alreadyExists(resource: ResourceName, name: string): ApiError {
  return {
    code: 409,
    reason: 'AlreadyExists',
    message: `${qualifiedName(resource)} "${name}" already exists`,
  };
}

export function conflict(resource: ResourceName, name: string): ApiError {
  return {
    code: 409,
    reason: 'Conflict',
    message: `Operation cannot be fulfilled on ${qualifiedName(resource)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
  };
}

export function invalid(
  resource: ResourceName,
  name: string,
  errors: readonly FieldError[],
): ApiError {
  const details = errors.map((e) => `${e.field}: ${e.detail}`);
  const joined = details.length === 1 ? details[0]! : `[${details.join(', ')}]`;
  return {
    code: 422,
    reason: 'Invalid',
    message: `${qualifiedKind(resource)} "${name}" is invalid: ${joined}`,
  };
}

export function namespaceNotFound(namespace: string): ApiError {
  return { code: 404, reason: 'NotFound', message: `namespaces "${namespace}" not found` };
}

export function etcdTimeout(): ApiError {
  return { code: 500, reason: 'InternalError', message: 'etcdserver: request timed out' };
}

export function connectionRefused(address: string): ApiError {
  return {
    code: 0,
    reason: 'ConnectionRefused',
    message: `dial tcp ${address}: connect: connection refused`,
  };
}

export function ioTimeout(address: string): ApiError {
  return { code: 0, reason: 'Timeout', message: `dial tcp ${address}: i/o timeout` };
}
