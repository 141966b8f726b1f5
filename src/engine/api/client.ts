import type { KObject } from '../objects/meta';
import { keyOf, type ResourceName } from '../objects/resources';
import type { World } from '../sim/world';
import type { ComponentId } from '../sim/trace';
import type { ApiOp, ListOptions, ListResult } from './apiserver';
import { fail, ioTimeout, type ApiResult } from './errors';

/** A short name for a request, as the canvas labels its signal: `create pods`, `bind`, `patch nodes/status`. */
export function describeOp(op: ApiOp): string {
  switch (op.verb) {
    case 'bind':
      return 'bind pods';
    case 'update':
    case 'patch':
      return `${op.verb} ${op.resource}${op.subresource ? '/status' : ''}`;
    default:
      return `${op.verb} ${op.resource}`;
  }
}

/** The ledger key a request is about, when it is about one object. */
export function keyOfOp(op: ApiOp): string | undefined {
  switch (op.verb) {
    case 'create':
    case 'update':
      return op.body.metadata?.name
        ? keyOf(op.resource, op.body.metadata.namespace ?? 'default', op.body.metadata.name)
        : undefined;
    case 'patch':
    case 'delete':
    case 'get':
      return keyOf(op.resource, op.namespace ?? 'default', op.name);
    case 'bind':
      return keyOf('pods', op.namespace, op.name);
    case 'list':
      return undefined;
  }
}

export type Done<T> = (result: ApiResult<T>) => void;

/**
 * How a component talks to the bridge: every request crosses the network (a visible signal),
 * is handled by the API server, and the answer comes back the same way. From a ship whose radio is
 * cut, nothing arrives and the request times out; when the bridge is down, it is refused.
 *
 * @example
 * client.create('pods', pod, (result) => result.ok && console.log(result.object.metadata.name));
 */
export class ApiClient {
  constructor(
    private readonly world: World,
    readonly id: ComponentId,
    /** The ship it runs on (`control-plane` for the control ship's components). */
    readonly host: string,
  ) {}

  send<T = KObject>(op: ApiOp, done?: Done<T>): void {
    const { agenda, network, trace, timings, api } = this.world;
    const sent = agenda.now();
    // Labels for the canvas's signals: not built when nobody draws them (headless runs).
    const kind = trace.detail ? describeOp(op) : '';
    const key = trace.detail ? keyOfOp(op) : undefined;
    const timeout = () => done?.(fail(ioTimeout(network.apiserverAddress)));
    if (!network.linkUp(this.host)) {
      trace.message(this.id, 'apiserver', kind, sent, sent + timings.networkHop, key, false);
      agenda.after(timings.clientTimeout, timeout);
      return;
    }
    trace.message(this.id, 'apiserver', kind, sent, sent + timings.networkHop, key);
    agenda.after(timings.networkHop, () => {
      api.handle(op, this.id, (result) => {
        const back = agenda.now();
        if (!network.linkUp(this.host)) {
          agenda.at(Math.max(back, sent + timings.clientTimeout), timeout);
          return;
        }
        trace.message('apiserver', this.id, kind, back, back + timings.networkHop, key, result.ok);
        agenda.after(timings.networkHop, () => done?.(result as ApiResult<T>));
      });
    });
  }

  create<T extends KObject>(resource: ResourceName, body: T, done?: Done<T>): void {
    this.send({ verb: 'create', resource, body }, done);
  }

  update<T extends KObject>(
    resource: ResourceName,
    body: T,
    done?: Done<T>,
    subresource?: 'status',
  ): void {
    this.send({ verb: 'update', resource, body, ...(subresource ? { subresource } : {}) }, done);
  }

  /** Server-side change of the current object (a PATCH: no resourceVersion check). */
  patch<T extends KObject>(
    resource: ResourceName,
    namespace: string | undefined,
    name: string,
    mutate: (current: T) => T,
    done?: Done<T>,
    subresource?: 'status',
  ): void {
    this.send(
      {
        verb: 'patch',
        resource,
        name,
        mutate: mutate as unknown as (current: KObject) => KObject,
        ...(namespace !== undefined ? { namespace } : {}),
        ...(subresource ? { subresource } : {}),
      },
      done,
    );
  }

  delete(
    resource: ResourceName,
    namespace: string | undefined,
    name: string,
    options: { gracePeriodSeconds?: number; uid?: string } = {},
    done?: Done<KObject>,
  ): void {
    this.send(
      {
        verb: 'delete',
        resource,
        name,
        ...(namespace !== undefined ? { namespace } : {}),
        ...options,
      },
      done,
    );
  }

  /** POST pods/<name>/binding: sets spec.nodeName. */
  bind(namespace: string, name: string, node: string, done?: Done<KObject>): void {
    this.send({ verb: 'bind', namespace, name, node }, done);
  }

  get<T extends KObject>(
    resource: ResourceName,
    namespace: string | undefined,
    name: string,
    done: Done<T>,
  ): void {
    this.send(
      { verb: 'get', resource, name, ...(namespace !== undefined ? { namespace } : {}) },
      done,
    );
  }

  list(resource: ResourceName, options: ListOptions, done: Done<ListResult>): void {
    this.send({ verb: 'list', resource, options }, done);
  }
}
